import { type Kysely, sql } from 'kysely';

/**
 * Keeps what the default Leads dashboard needs beside the person counts, so that its tiles read a
 * few thousand rows instead of every person:
 *
 * - `person_counts` also holds, per lead status, category and owner, how many of the persons have
 *   a date of their last status change and the sum of those dates in epoch seconds, from which the
 *   average time in status follows for any moment;
 * - `lead_source_counts` counts the persons with a lead source per folded lead source (accents and
 *   case removed, as the "equals" criterion compares), lead status, category and owner, with one
 *   spelling of the source to show.
 *
 * The same statement triggers as before append rows of changes to both tables in the writing
 * transaction; `compact_person_counts()` folds both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table person_counts add column dated_persons integer not null default 0`.execute(db);
  await sql`alter table person_counts add column status_seconds numeric not null default 0`.execute(db);
  await sql`
    create table lead_source_counts (
      id bigint generated always as identity primary key,
      lead_source_key text collate "C" not null,
      lead_source text not null,
      lead_status_id integer,
      category_id integer,
      owner_id integer,
      persons integer not null
    )`.execute(db);

  // A change row per combination whose persons, dated persons or date sum moved: two persons can
  // swap statuses in one statement and leave the number of persons per status as it was.
  await sql`
    create or replace function person_counts_on_insert() returns trigger language plpgsql as $$
    begin
      insert into person_counts (lead_status_id, category_id, owner_id, persons, dated_persons, status_seconds)
      select n.lead_status_id, c.category_id, n.owner_id, count(*), count(n.lead_status_changed_at),
             coalesce(sum(extract(epoch from n.lead_status_changed_at)), 0)
      from new_persons as n left join companies as c on c.id = n.company_id
      where n.deleted_at is null
      group by 1, 2, 3;
      insert into lead_source_counts (lead_source_key, lead_source, lead_status_id, category_id, owner_id, persons)
      select trechter_fold(n.lead_source), min(n.lead_source), n.lead_status_id, c.category_id, n.owner_id, count(*)
      from new_persons as n left join companies as c on c.id = n.company_id
      where n.deleted_at is null and coalesce(n.lead_source, '') <> ''
      group by 1, 3, 4, 5;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function person_counts_on_update() returns trigger language plpgsql as $$
    begin
      insert into person_counts (lead_status_id, category_id, owner_id, persons, dated_persons, status_seconds)
      select lead_status_id, category_id, owner_id, sum(change), sum(dated), sum(seconds)
      from (
        select n.lead_status_id, c.category_id, n.owner_id, 1 as change,
               case when n.lead_status_changed_at is null then 0 else 1 end as dated,
               coalesce(extract(epoch from n.lead_status_changed_at), 0) as seconds
        from new_persons as n left join companies as c on c.id = n.company_id
        where n.deleted_at is null
        union all
        select o.lead_status_id, c.category_id, o.owner_id, -1,
               case when o.lead_status_changed_at is null then 0 else -1 end,
               -coalesce(extract(epoch from o.lead_status_changed_at), 0)
        from old_persons as o left join companies as c on c.id = o.company_id
        where o.deleted_at is null
      ) as changes
      group by 1, 2, 3
      having sum(change) <> 0 or sum(dated) <> 0 or sum(seconds) <> 0;
      insert into lead_source_counts (lead_source_key, lead_source, lead_status_id, category_id, owner_id, persons)
      select source_key, min(source), lead_status_id, category_id, owner_id, sum(change)
      from (
        select trechter_fold(n.lead_source) as source_key, n.lead_source as source, n.lead_status_id, c.category_id, n.owner_id, 1 as change
        from new_persons as n left join companies as c on c.id = n.company_id
        where n.deleted_at is null and coalesce(n.lead_source, '') <> ''
        union all
        select trechter_fold(o.lead_source), o.lead_source, o.lead_status_id, c.category_id, o.owner_id, -1
        from old_persons as o left join companies as c on c.id = o.company_id
        where o.deleted_at is null and coalesce(o.lead_source, '') <> ''
      ) as changes
      group by 1, 3, 4, 5
      having sum(change) <> 0;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function person_counts_on_delete() returns trigger language plpgsql as $$
    begin
      insert into person_counts (lead_status_id, category_id, owner_id, persons, dated_persons, status_seconds)
      select o.lead_status_id, c.category_id, o.owner_id, -count(*), -count(o.lead_status_changed_at),
             -coalesce(sum(extract(epoch from o.lead_status_changed_at)), 0)
      from old_persons as o left join companies as c on c.id = o.company_id
      where o.deleted_at is null
      group by 1, 2, 3;
      insert into lead_source_counts (lead_source_key, lead_source, lead_status_id, category_id, owner_id, persons)
      select trechter_fold(o.lead_source), min(o.lead_source), o.lead_status_id, c.category_id, o.owner_id, -count(*)
      from old_persons as o left join companies as c on c.id = o.company_id
      where o.deleted_at is null and coalesce(o.lead_source, '') <> ''
      group by 1, 3, 4, 5;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function person_counts_on_truncate() returns trigger language plpgsql as $$
    begin
      delete from person_counts;
      delete from lead_source_counts;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function person_counts_on_company_update() returns trigger language plpgsql as $$
    begin
      insert into person_counts (lead_status_id, category_id, owner_id, persons, dated_persons, status_seconds)
      with moved as (
        select n.id, n.category_id, 1 as change
        from new_companies as n join old_companies as o on o.id = n.id
        where n.category_id is distinct from o.category_id
        union all
        select o.id, o.category_id, -1
        from new_companies as n join old_companies as o on o.id = n.id
        where n.category_id is distinct from o.category_id
      ), changes as (
        select p.lead_status_id, moved.category_id, p.owner_id, moved.change,
               case when p.lead_status_changed_at is null then 0 else moved.change end as dated,
               moved.change * coalesce(extract(epoch from p.lead_status_changed_at), 0) as seconds
        from moved join persons as p on p.company_id = moved.id and p.deleted_at is null
      )
      select lead_status_id, category_id, owner_id, sum(change), sum(dated), sum(seconds)
      from changes
      group by 1, 2, 3
      having sum(change) <> 0 or sum(dated) <> 0 or sum(seconds) <> 0;
      insert into lead_source_counts (lead_source_key, lead_source, lead_status_id, category_id, owner_id, persons)
      with moved as (
        select n.id, n.category_id, 1 as change
        from new_companies as n join old_companies as o on o.id = n.id
        where n.category_id is distinct from o.category_id
        union all
        select o.id, o.category_id, -1
        from new_companies as n join old_companies as o on o.id = n.id
        where n.category_id is distinct from o.category_id
      )
      select trechter_fold(p.lead_source), min(p.lead_source), p.lead_status_id, moved.category_id, p.owner_id, sum(moved.change)
      from moved join persons as p on p.company_id = moved.id and p.deleted_at is null and coalesce(p.lead_source, '') <> ''
      group by 1, 3, 4, 5
      having sum(moved.change) <> 0;
      return null;
    end $$`.execute(db);

  await sql`
    create or replace function compact_person_counts() returns void language sql as $$
      with removed as (
        delete from person_counts returning lead_status_id, category_id, owner_id, persons, dated_persons, status_seconds
      )
      insert into person_counts (lead_status_id, category_id, owner_id, persons, dated_persons, status_seconds)
      select lead_status_id, category_id, owner_id, sum(persons), sum(dated_persons), sum(status_seconds)
      from removed
      group by 1, 2, 3
      having sum(persons) <> 0;
      with removed as (
        delete from lead_source_counts returning lead_source_key, lead_source, lead_status_id, category_id, owner_id, persons
      )
      insert into lead_source_counts (lead_source_key, lead_source, lead_status_id, category_id, owner_id, persons)
      select lead_source_key, min(lead_source), lead_status_id, category_id, owner_id, sum(persons)
      from removed
      group by 1, 3, 4, 5
      having sum(persons) <> 0
    $$`.execute(db);

  // Fill both from the persons as they are now.
  await sql`delete from person_counts`.execute(db);
  await sql`
    insert into person_counts (lead_status_id, category_id, owner_id, persons, dated_persons, status_seconds)
    select p.lead_status_id, c.category_id, p.owner_id, count(*), count(p.lead_status_changed_at),
           coalesce(sum(extract(epoch from p.lead_status_changed_at)), 0)
    from persons as p left join companies as c on c.id = p.company_id
    where p.deleted_at is null
    group by 1, 2, 3`.execute(db);
  await sql`
    insert into lead_source_counts (lead_source_key, lead_source, lead_status_id, category_id, owner_id, persons)
    select trechter_fold(p.lead_source), min(p.lead_source), p.lead_status_id, c.category_id, p.owner_id, count(*)
    from persons as p left join companies as c on c.id = p.company_id
    where p.deleted_at is null and coalesce(p.lead_source, '') <> ''
    group by 1, 3, 4, 5`.execute(db);
}
