import { type Kysely, sql } from 'kysely';

/**
 * Person counts per lead status, company category and owner, so that boards, group counts and
 * list totals on those fields read a few hundred rows instead of every person.
 *
 * Triggers on persons and companies append a row of changes per statement (+n where persons
 * arrive, -n where they leave) in the writing transaction, so the counts commit or roll back with
 * the change itself. Appending, never updating, keeps concurrent writers from waiting on the same
 * counter row. `compact_person_counts()` folds the rows into one per combination from time to
 * time. Deleted persons are not counted; a person without a company counts under no category.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table person_counts (
      id bigint generated always as identity primary key,
      lead_status_id integer,
      category_id integer,
      owner_id integer,
      persons integer not null
    )`.execute(db);

  // One function per statement kind: transition tables exist only for the kind that fired.
  await sql`
    create function person_counts_on_insert() returns trigger language plpgsql as $$
    begin
      insert into person_counts (lead_status_id, category_id, owner_id, persons)
      select n.lead_status_id, c.category_id, n.owner_id, count(*)
      from new_persons as n left join companies as c on c.id = n.company_id
      where n.deleted_at is null
      group by 1, 2, 3;
      return null;
    end $$`.execute(db);
  await sql`
    create function person_counts_on_update() returns trigger language plpgsql as $$
    begin
      insert into person_counts (lead_status_id, category_id, owner_id, persons)
      select lead_status_id, category_id, owner_id, sum(change)
      from (
        select n.lead_status_id, c.category_id, n.owner_id, 1 as change
        from new_persons as n left join companies as c on c.id = n.company_id
        where n.deleted_at is null
        union all
        select o.lead_status_id, c.category_id, o.owner_id, -1
        from old_persons as o left join companies as c on c.id = o.company_id
        where o.deleted_at is null
      ) as changes
      group by 1, 2, 3
      having sum(change) <> 0;
      return null;
    end $$`.execute(db);
  await sql`
    create function person_counts_on_delete() returns trigger language plpgsql as $$
    begin
      insert into person_counts (lead_status_id, category_id, owner_id, persons)
      select o.lead_status_id, c.category_id, o.owner_id, -count(*)
      from old_persons as o left join companies as c on c.id = o.company_id
      where o.deleted_at is null
      group by 1, 2, 3;
      return null;
    end $$`.execute(db);
  await sql`
    create function person_counts_on_truncate() returns trigger language plpgsql as $$
    begin
      delete from person_counts;
      return null;
    end $$`.execute(db);
  // A company that changes category moves its persons' counts from the old category to the new.
  await sql`
    create function person_counts_on_company_update() returns trigger language plpgsql as $$
    begin
      insert into person_counts (lead_status_id, category_id, owner_id, persons)
      select p.lead_status_id, moved.category_id, p.owner_id, sum(moved.change)
      from (
        select n.id, n.category_id, 1 as change
        from new_companies as n join old_companies as o on o.id = n.id
        where n.category_id is distinct from o.category_id
        union all
        select o.id, o.category_id, -1
        from new_companies as n join old_companies as o on o.id = n.id
        where n.category_id is distinct from o.category_id
      ) as moved
      join persons as p on p.company_id = moved.id and p.deleted_at is null
      group by 1, 2, 3
      having sum(moved.change) <> 0;
      return null;
    end $$`.execute(db);

  await sql`
    create trigger persons_count_insert after insert on persons
    referencing new table as new_persons
    for each statement execute function person_counts_on_insert()`.execute(db);
  await sql`
    create trigger persons_count_update after update on persons
    referencing old table as old_persons new table as new_persons
    for each statement execute function person_counts_on_update()`.execute(db);
  await sql`
    create trigger persons_count_delete after delete on persons
    referencing old table as old_persons
    for each statement execute function person_counts_on_delete()`.execute(db);
  await sql`
    create trigger persons_count_truncate after truncate on persons
    for each statement execute function person_counts_on_truncate()`.execute(db);
  await sql`
    create trigger companies_count_update after update on companies
    referencing old table as old_companies new table as new_companies
    for each statement execute function person_counts_on_company_update()`.execute(db);

  // Folds all rows into one per combination. Rows that other transactions append meanwhile are
  // not visible to the delete and stay; a second compaction at the same time finds the rows
  // already gone once the first commits.
  await sql`
    create function compact_person_counts() returns void language sql as $$
      with removed as (
        delete from person_counts returning lead_status_id, category_id, owner_id, persons
      )
      insert into person_counts (lead_status_id, category_id, owner_id, persons)
      select lead_status_id, category_id, owner_id, sum(persons)
      from removed
      group by 1, 2, 3
      having sum(persons) <> 0
    $$`.execute(db);

  await sql`
    insert into person_counts (lead_status_id, category_id, owner_id, persons)
    select p.lead_status_id, c.category_id, p.owner_id, count(*)
    from persons as p left join companies as c on c.id = p.company_id
    where p.deleted_at is null
    group by 1, 2, 3`.execute(db);
}
