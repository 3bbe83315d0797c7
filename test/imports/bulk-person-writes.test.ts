import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Db } from '../../src/db/database.js';
import { AppError } from '../../src/errors/app-error.js';
import { setListItemDeleted } from '../../src/lists/list-items.service.js';
import type { Person, PersonInput } from '../../src/persons/person.js';
import {
  BulkItemError,
  createPerson,
  createPersons,
  getPerson,
  type PersonUpdate,
  updatePersons,
  type WrittenPerson,
} from '../../src/persons/person.service.js';
import { createUser, updateUser } from '../../src/users/user.service.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../support/databases.js';
import { actorFor, categoryId, historyOf, leadStatusId, makeCompany, makePerson } from '../support/fixtures.js';

/** The lead status rules on createPersons and updatePersons, the import's bulk path. */
describe.each(testEngines)('bulk person writes on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;
  let open: number;
  let contacting: number;
  let qualified: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
    open = await leadStatusId(db, 'Open');
    contacting = await leadStatusId(db, 'Contact opnemen');
    qualified = await leadStatusId(db, 'Gekwalificeerd');
  });
  afterAll(() => database.dispose());

  /** Creates persons in bulk and reads them back as getPerson returns them, after checking that the returned fields are the stored ones. */
  async function create(inputs: PersonInput[]): Promise<Person[]> {
    return readBack(await db.transaction().execute((trx) => createPersons(trx, actorFor('import'), inputs)));
  }

  async function update(updates: PersonUpdate[]): Promise<Person[]> {
    return readBack(await db.transaction().execute((trx) => updatePersons(trx, actorFor('import'), updates)));
  }

  async function readBack(written: WrittenPerson[]): Promise<Person[]> {
    const persons = await Promise.all(written.map((person) => getPerson(db, actorFor(), person.id)));
    persons.forEach((person, index) => expect(person).toMatchObject(written[index] as WrittenPerson));
    return persons;
  }

  async function expectItemError(promise: Promise<unknown>, index: number, code: string): Promise<BulkItemError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BulkItemError);
    expect((error as BulkItemError).index).toBe(index);
    expect((error as BulkItemError).code).toBe(code);
    return error as BulkItemError;
  }

  async function personsNamed(lastName: string) {
    return db.selectFrom('persons').select(['id', 'lead_status_id']).where('last_name', '=', lastName).execute();
  }

  describe('createPersons', () => {
    it('sets statuses only where enabled', async () => {
      const lead = await makeCompany(db, 'Bulk Lead BV', 'Lead');
      const customer = await makeCompany(db, 'Bulk Klant BV', 'Klant');

      const [inLead, givenStatus, atCustomer, withoutCompany] = await create([
        { lastName: 'Bulk Een', companyId: lead.id },
        { lastName: 'Bulk Twee', companyId: lead.id, leadStatusId: qualified },
        { lastName: 'Bulk Drie', companyId: customer.id },
        { lastName: 'Bulk Vier', companyId: null },
      ]);

      expect(inLead?.leadStatusId).toBe(open);
      expect(givenStatus?.leadStatusId).toBe(qualified);
      expect(atCustomer?.leadStatusId).toBeNull();
      expect(atCustomer?.leadStatusEnabled).toBe(false);
      expect(withoutCompany?.leadStatusId).toBeNull();
      expect(await historyOf(db, inLead!.id)).toEqual([{ from_status_id: null, to_status_id: open, source: 'import' }]);
      expect(await historyOf(db, givenStatus!.id)).toEqual([{ from_status_id: null, to_status_id: qualified, source: 'import' }]);
      expect(await historyOf(db, atCustomer!.id)).toEqual([]);
      expect(await historyOf(db, withoutCompany!.id)).toEqual([]);
    });

    it('stores what createPerson stores', async () => {
      const company = await makeCompany(db, 'Gelijk Lead BV', 'Opportunity');
      const owner = await db.transaction().execute((trx) => createUser(trx, actorFor(), { name: 'Eigenaar Een', email: 'eigenaar1@example.nl' }));
      const input: PersonInput = {
        companyId: company.id,
        salutation: 'Mevrouw',
        firstName: 'Fleur',
        middleName: 'van',
        lastName: '  Gelijk ',
        jobTitle: 'Inkoper',
        email: 'fleur@gelijk.example',
        phone: '010-1',
        mobile: '06-1',
        ownerId: owner.id,
        leadStatusId: contacting,
        leadSource: 'beurs',
        formerEmployee: true,
        registeredAt: new Date('2025-03-04T05:06:07.000Z'),
      };

      const [bulk] = await create([input]);
      const single = await db.transaction().execute((trx) => createPerson(trx, actorFor('import'), input));

      const comparable = (person: Person) => ({ ...person, id: 0, updatedAt: '', leadStatusChangedAt: '' });
      expect(comparable(bulk!)).toEqual(comparable(single));
      const audit = await db
        .selectFrom('audit_log')
        .select(['entity_id', 'action', 'changes'])
        .where('entity', '=', 'person')
        .where('entity_id', 'in', [bulk!.id, single.id])
        .orderBy('id')
        .execute();
      expect(audit.map((entry) => entry.action)).toEqual(['create', 'create']);
      expect(audit[0]?.changes).toEqual(audit[1]?.changes);
    });

    it('returns persons in input order', async () => {
      const company = await makeCompany(db, 'Volgorde BV', 'Lead');
      const names = Array.from({ length: 30 }, (_, index) => `Volgorde ${index}`);

      const created = await create(names.map((lastName) => ({ lastName, companyId: company.id })));

      expect(created.map((person) => person.lastName)).toEqual(names);
      expect(created.map((person) => person.id)).toEqual([...created.map((person) => person.id)].sort((a, b) => a - b));
    });

    it('rejects a status where not enabled', async () => {
      const customer = await makeCompany(db, 'Weigert Status BV', 'Klant');

      const error = await expectItemError(
        create([
          { lastName: 'Weigert Een', companyId: customer.id },
          { lastName: 'Weigert Twee', companyId: customer.id, leadStatusId: qualified },
        ]),
        1,
        'LEAD_STATUS_NOT_ENABLED',
      );
      expect(error.message).toContain('"Klant" has no lead status');
      expect(error.fields).toEqual([{ field: '/1/leadStatusId', message: 'lead status is not enabled for this person', code: 'invalid' }]);
      expect(await personsNamed('Weigert Een')).toEqual([]);
    });

    it('rejects invalid references', async () => {
      const lead = await makeCompany(db, 'Verwijzingen BV', 'Lead');
      const deleted = await makeCompany(db, 'Verwijderd BV', 'Lead');
      await db.updateTable('companies').set({ deleted_at: new Date() }).where('id', '=', deleted.id).execute();
      const inactive = await db.transaction().execute((trx) => createUser(trx, actorFor(), { name: 'Oud Collega', email: 'oud@example.nl' }));
      await db.transaction().execute((trx) => updateUser(trx, actorFor(), inactive.id, { active: false }, inactive.version));

      await expectItemError(create([{ lastName: 'Ref', companyId: 999_999 }]), 0, 'REFERENCE_NOT_FOUND');
      await expectItemError(create([{ lastName: 'Ref', companyId: lead.id }, { lastName: 'Ref', companyId: deleted.id }]), 1, 'REFERENCE_NOT_FOUND');
      await expectItemError(create([{ lastName: 'Ref', companyId: lead.id, ownerId: inactive.id }]), 0, 'REFERENCE_NOT_FOUND');
      await expectItemError(create([{ lastName: '  ', companyId: lead.id }]), 0, 'VALIDATION_FAILED');
      expect(await personsNamed('Ref')).toEqual([]);
    });

    it('rejects a deleted lead status', async () => {
      const lead = await makeCompany(db, 'Oude Status BV', 'Lead');
      const renurture = await leadStatusId(db, 'Opnieuw benaderen');
      await db.transaction().execute((trx) => setListItemDeleted(trx, actorFor(), 'lead_statuses', renurture, true));
      try {
        await expectItemError(create([{ lastName: 'Oude Status', companyId: lead.id, leadStatusId: renurture }]), 0, 'ITEM_DELETED');
      } finally {
        await db.transaction().execute((trx) => setListItemDeleted(trx, actorFor(), 'lead_statuses', renurture, false));
      }
    });
  });

  describe('updatePersons', () => {
    it('keeps a status per person', async () => {
      const company = await makeCompany(db, 'Eigen Status BV', 'Lead');
      const first = await makePerson(db, 'Eigen Een', company.id);
      const second = await makePerson(db, 'Eigen Twee', company.id);

      const [one, two] = await update([
        { id: first.id, patch: { leadStatusId: qualified }, expectedVersion: first.version },
        { id: second.id, patch: { leadStatusId: contacting }, expectedVersion: second.version },
      ]);

      expect(one?.leadStatusId).toBe(qualified);
      expect(two?.leadStatusId).toBe(contacting);
      expect(one?.version).toBe(first.version + 1);
      expect(await historyOf(db, first.id)).toEqual([
        { from_status_id: null, to_status_id: open, source: 'edit' },
        { from_status_id: open, to_status_id: qualified, source: 'import' },
      ]);
    });

    it('treats moves as category changes', async () => {
      const lead = await makeCompany(db, 'Verhuis Lead BV', 'Lead');
      const opportunity = await makeCompany(db, 'Verhuis Opportunity BV', 'Opportunity');
      const customer = await makeCompany(db, 'Verhuis Klant BV', 'Klant');
      const intoLead = await makePerson(db, 'Naar Lead', customer.id);
      const intoLeadWithStatus = await makePerson(db, 'Naar Lead Met Status', null);
      const [outOfLead, betweenLeads] = await create([
        { lastName: 'Uit Lead', companyId: lead.id, leadStatusId: qualified },
        { lastName: 'Tussen Leads', companyId: lead.id, leadStatusId: contacting },
      ]);

      const moved = await update([
        { id: intoLead.id, patch: { companyId: lead.id }, expectedVersion: intoLead.version },
        { id: intoLeadWithStatus.id, patch: { companyId: lead.id, leadStatusId: qualified }, expectedVersion: intoLeadWithStatus.version },
        { id: outOfLead!.id, patch: { companyId: customer.id }, expectedVersion: outOfLead!.version },
        { id: betweenLeads!.id, patch: { companyId: opportunity.id }, expectedVersion: betweenLeads!.version },
      ]);

      expect(moved.map((person) => person.leadStatusId)).toEqual([open, qualified, qualified, contacting]);
      expect(moved.map((person) => person.leadStatusEnabled)).toEqual([true, true, false, true]);
      expect(moved[2]?.leadStatusRetained).toBe(true);
      expect(await historyOf(db, intoLead.id)).toEqual([{ from_status_id: null, to_status_id: open, source: 'companyChange' }]);
      expect(await historyOf(db, intoLeadWithStatus.id)).toEqual([{ from_status_id: null, to_status_id: qualified, source: 'import' }]);
      expect(await historyOf(db, outOfLead!.id)).toHaveLength(1);
      expect(await historyOf(db, betweenLeads!.id)).toHaveLength(1);
    });

    it('writes no history without a status change', async () => {
      const company = await makeCompany(db, 'Geen Wijziging BV', 'Lead');
      const person = await makePerson(db, 'Geen Wijziging', company.id);

      const [updated] = await update([{ id: person.id, patch: { phone: '020-1', leadStatusId: open }, expectedVersion: person.version }]);

      expect(updated?.phone).toBe('020-1');
      expect(updated?.leadStatusChangedAt).toBe(person.leadStatusChangedAt);
      expect(await historyOf(db, person.id)).toHaveLength(1);
    });

    it('rejects a status where not enabled', async () => {
      const lead = await makeCompany(db, 'Mag Wel BV', 'Lead');
      const customer = await makeCompany(db, 'Mag Niet BV', 'Klant');
      const allowed = await makePerson(db, 'Mag Wel', lead.id);
      const refused = await makePerson(db, 'Mag Niet', customer.id);

      const error = await expectItemError(
        update([
          { id: allowed.id, patch: { leadStatusId: qualified }, expectedVersion: allowed.version },
          { id: refused.id, patch: { leadStatusId: qualified }, expectedVersion: refused.version },
        ]),
        1,
        'LEAD_STATUS_NOT_ENABLED',
      );

      expect(error.message).toContain(`person ${refused.id}`);
      expect((await getPerson(db, actorFor(), allowed.id)).leadStatusId).toBe(open);
      expect(await historyOf(db, allowed.id)).toHaveLength(1);
    });

    it('rejects a stale version', async () => {
      const company = await makeCompany(db, 'Oude Versie BV', 'Lead');
      const person = await makePerson(db, 'Oude Versie', company.id);

      await expectItemError(update([{ id: person.id, patch: { phone: '1' }, expectedVersion: person.version + 1 }]), 0, 'VERSION_CONFLICT');
      expect((await getPerson(db, actorFor(), person.id)).version).toBe(person.version);
    });

    it('rejects emptying an enabled status', async () => {
      const company = await makeCompany(db, 'Leeg BV', 'Lead');
      const person = await makePerson(db, 'Leeg', company.id);

      await expectItemError(update([{ id: person.id, patch: { leadStatusId: null }, expectedVersion: person.version }]), 0, 'VALIDATION_FAILED');
    });

    it('rejects an unknown person', async () => {
      await expectItemError(update([{ id: 999_999, patch: { phone: '1' }, expectedVersion: 1 }]), 0, 'NOT_FOUND');
    });

    it('rejects the same person twice', async () => {
      const person = await makePerson(db, 'Dubbel', null);
      const twice = [
        { id: person.id, patch: { phone: '1' }, expectedVersion: person.version },
        { id: person.id, patch: { phone: '2' }, expectedVersion: person.version },
      ];

      await expect(update(twice)).rejects.toThrow('the same person more than once');
    });

    it('rolls back statuses and history together', async () => {
      const company = await makeCompany(db, 'Terugdraaien BV', 'Lead');
      const person = await makePerson(db, 'Terugdraaien', company.id);

      await expect(
        db.transaction().execute(async (trx) => {
          await updatePersons(trx, actorFor('import'), [{ id: person.id, patch: { leadStatusId: qualified }, expectedVersion: person.version }]);
          throw new AppError('INTERNAL', 'stop after the write');
        }),
      ).rejects.toThrow('stop after the write');

      expect((await getPerson(db, actorFor(), person.id)).leadStatusId).toBe(open);
      expect(await historyOf(db, person.id)).toHaveLength(1);
    });
  });
});
