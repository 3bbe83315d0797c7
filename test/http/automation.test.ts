import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { systemActor } from '../../src/auth/actor.js';
import { readImportFile } from '../../src/imports/import-file.js';
import { runImport } from '../../src/imports/run-import.js';
import { type TestApp, type TestClient, createTestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';

interface Item {
  id: number;
  nameNl: string | null;
}

interface Rule {
  trigger: 'leadStatusSet' | 'saleRegistered' | 'saleSold' | 'saleLost';
  enabled: boolean;
  leadStatusId: number | null;
  targetCategoryId: number | null;
  askConfirmation: boolean;
}

const TRIGGERS = ['leadStatusSet', 'saleRegistered', 'saleSold', 'saleLost'] as const;

describe.each(testEngines)('category automation on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;
  let statuses: Item[];
  let categories: Item[];
  let companyCount = 0;

  const statusNamed = (name: string) => statuses.find((item) => item.nameNl === name)!.id;
  const categoryNamed = (name: string) => categories.find((item) => item.nameNl === name)!.id;

  function disabledRules(): Rule[] {
    return TRIGGERS.map((trigger) => ({ trigger, enabled: false, leadStatusId: null, targetCategoryId: null, askConfirmation: false }));
  }

  /** Saves the four rules, each disabled unless `changes` gives it. */
  async function saveRules(changes: Partial<Record<Rule['trigger'], Partial<Rule>>>) {
    const current = (await admin.get('/api/automation-rules')).json();
    const rules = disabledRules().map((rule) => ({ ...rule, ...changes[rule.trigger] }));
    const response = await admin.put('/api/automation-rules', { rules, version: current.version });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  function qualifiedToOpportunity(askConfirmation = false) {
    return { leadStatusSet: { enabled: true, leadStatusId: statusNamed('Gekwalificeerd'), targetCategoryId: categoryNamed('Opportunity'), askConfirmation } };
  }

  async function makeCompany(categoryName: string | null) {
    companyCount += 1;
    const response = await admin.post('/api/companies', {
      name: `Automatisering ${companyCount} BV`,
      categoryId: categoryName === null ? null : categoryNamed(categoryName),
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: number; version: number; name: string };
  }

  async function makePerson(companyId: number, lastName: string, leadStatusId?: number) {
    const response = await admin.post('/api/persons', { companyId, lastName, ...(leadStatusId === undefined ? {} : { leadStatusId }) });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: number; version: number; leadStatusId: number | null };
  }

  async function companyOf(id: number) {
    return (await admin.get(`/api/companies/${id}`)).json() as { id: number; categoryId: number | null; version: number };
  }

  async function waitUntilFinished(id: number) {
    for (let attempt = 0; attempt < 600; attempt++) {
      const state = (await admin.get(`/api/bulk-updates/${id}`)).json();
      if (!['running', 'stopping'].includes(state.status)) return state;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`bulk update ${id} did not finish`);
  }

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
    statuses = (await admin.get('/api/lead-statuses')).json().items;
    categories = (await admin.get('/api/categories')).json().items;
  });
  afterAll(() => testApp.dispose());
  beforeEach(async () => {
    await saveRules({});
  });

  it('starts with four disabled rules in trigger order', async () => {
    const settings = (await admin.get('/api/automation-rules')).json();

    expect(settings.rules.map((rule: Rule) => rule.trigger)).toEqual([...TRIGGERS]);
    expect(settings.rules.every((rule: Rule) => !rule.enabled)).toBe(true);
    expect(typeof settings.version).toBe('number');
  });

  it('moves a company in Lead to Opportunity when a person is qualified', async () => {
    await saveRules(qualifiedToOpportunity());
    const company = await makeCompany('Lead');
    const anna = await makePerson(company.id, 'Anna');
    const bert = await makePerson(company.id, 'Bert', statusNamed('Contact opnemen'));

    const response = await admin.patch(`/api/persons/${anna.id}`, { leadStatusId: statusNamed('Gekwalificeerd'), version: anna.version });

    expect(response.statusCode).toBe(200);
    const after = await companyOf(company.id);
    expect(after.categoryId).toBe(categoryNamed('Opportunity'));
    expect(response.json().automation).toEqual({
      trigger: 'leadStatusSet',
      companyId: company.id,
      companyName: company.name,
      fromCategoryId: categoryNamed('Lead'),
      suggestedCategoryId: categoryNamed('Opportunity'),
      suggestedCategoryName: 'Opportunity',
      applied: true,
      companyVersion: after.version,
    });
    expect(response.json().category.id).toBe(categoryNamed('Opportunity'));

    // Lead and Opportunity both have lead status enabled, so every person keeps their status.
    expect((await admin.get(`/api/persons/${anna.id}`)).json().leadStatusId).toBe(statusNamed('Gekwalificeerd'));
    expect((await admin.get(`/api/persons/${bert.id}`)).json().leadStatusId).toBe(statusNamed('Contact opnemen'));
    const bertHistory = (await admin.get(`/api/persons/${bert.id}/lead-status-history`)).json().items;
    expect(bertHistory).toHaveLength(1);

    const audit = (await admin.get(`/api/audit-log?entity=company&entityId=${company.id}&action=update`)).json().items;
    expect(audit[0].changes).toEqual({ categoryId: categoryNamed('Opportunity'), automation: 'leadStatusSet' });
    expect(audit[0].user.name).toBe('Gebruiker 1');
  });

  it('reports no automation when the status is not the rule status', async () => {
    await saveRules(qualifiedToOpportunity());
    const company = await makeCompany('Lead');
    const person = await makePerson(company.id, 'Anders');

    const response = await admin.patch(`/api/persons/${person.id}`, { leadStatusId: statusNamed('Contact opnemen'), version: person.version });

    expect(response.json().automation).toBeNull();
    expect((await companyOf(company.id)).categoryId).toBe(categoryNamed('Lead'));
  });

  it('applies the rule when a person is created with the status', async () => {
    await saveRules(qualifiedToOpportunity());
    const company = await makeCompany('Lead');

    const response = await admin.post('/api/persons', { companyId: company.id, lastName: 'Nieuw', leadStatusId: statusNamed('Gekwalificeerd') });

    expect(response.statusCode).toBe(201);
    expect(response.json().automation).toMatchObject({ applied: true, suggestedCategoryId: categoryNamed('Opportunity') });
    expect((await companyOf(company.id)).categoryId).toBe(categoryNamed('Opportunity'));
  });

  it('applies the rule on a board move', async () => {
    await saveRules(qualifiedToOpportunity());
    const company = await makeCompany('Marketinggekwalificeerde lead (MQL)');
    const person = await makePerson(company.id, 'Bord');

    const response = await admin.patch(`/api/persons/${person.id}?via=board`, { leadStatusId: statusNamed('Gekwalificeerd'), version: person.version });

    expect(response.json().automation).toMatchObject({ applied: true });
    expect((await companyOf(company.id)).categoryId).toBe(categoryNamed('Opportunity'));
  });

  it('suggests the change instead of making it when confirmation is on', async () => {
    await saveRules(qualifiedToOpportunity(true));
    const company = await makeCompany('Lead');
    const person = await makePerson(company.id, 'Vraag');

    const response = await admin.patch(`/api/persons/${person.id}`, { leadStatusId: statusNamed('Gekwalificeerd'), version: person.version });

    expect(response.statusCode).toBe(200);
    const before = await companyOf(company.id);
    expect(before.categoryId).toBe(categoryNamed('Lead'));
    expect(response.json().automation).toMatchObject({
      companyId: company.id,
      fromCategoryId: categoryNamed('Lead'),
      suggestedCategoryId: categoryNamed('Opportunity'),
      applied: false,
      companyVersion: before.version,
    });

    const accepted = await admin.patch(`/api/companies/${company.id}`, { categoryId: categoryNamed('Opportunity'), version: response.json().automation.companyVersion });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().categoryId).toBe(categoryNamed('Opportunity'));
  });

  it('moves a company once for two concurrent qualifications', async () => {
    await saveRules(qualifiedToOpportunity());
    const company = await makeCompany('Lead');
    const first = await makePerson(company.id, 'Gelijktijdig A');
    const second = await makePerson(company.id, 'Gelijktijdig B');

    const responses = await Promise.all(
      [first, second].map((person) => admin.patch(`/api/persons/${person.id}`, { leadStatusId: statusNamed('Gekwalificeerd'), version: person.version })),
    );

    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(responses.filter((response) => response.json().automation?.applied === true)).toHaveLength(1);
    expect((await companyOf(company.id)).categoryId).toBe(categoryNamed('Opportunity'));
    const moves = (await admin.get(`/api/audit-log?entity=company&entityId=${company.id}&action=update`)).json().items;
    expect(moves).toHaveLength(1);
  });

  it('runs the rule on the company a person moves to', async () => {
    await saveRules(qualifiedToOpportunity());
    const oldCompany = await makeCompany('Lead');
    const newCompany = await makeCompany('Lead');
    const person = await makePerson(oldCompany.id, 'Verhuizer');

    const response = await admin.patch(`/api/persons/${person.id}`, {
      companyId: newCompany.id,
      leadStatusId: statusNamed('Gekwalificeerd'),
      version: person.version,
    });

    expect(response.json().automation).toMatchObject({ companyId: newCompany.id, applied: true });
    expect((await companyOf(newCompany.id)).categoryId).toBe(categoryNamed('Opportunity'));
    expect((await companyOf(oldCompany.id)).categoryId).toBe(categoryNamed('Lead'));
  });

  it('never changes a company in Klant', async () => {
    await saveRules({
      saleRegistered: { enabled: true, targetCategoryId: categoryNamed('Opportunity') },
      saleSold: { enabled: true, targetCategoryId: categoryNamed('Oud-klant') },
    });
    const company = await makeCompany('Klant');

    const sale = await admin.post('/api/sales', { title: 'Onderhoud', companyId: company.id });
    const sold = await admin.patch(`/api/sales/${sale.json().id}`, { status: 'sold', version: sale.json().version });

    expect(sale.json().automation).toBeNull();
    expect(sold.json().automation).toBeNull();
    expect((await companyOf(company.id)).categoryId).toBe(categoryNamed('Klant'));
  });

  it('moves a sold company to Klant and retains its persons\' statuses', async () => {
    await saveRules({ saleSold: { enabled: true, targetCategoryId: categoryNamed('Klant') } });
    const company = await makeCompany('Opportunity');
    const person = await makePerson(company.id, 'Koper', statusNamed('Gekwalificeerd'));
    const sale = (await admin.post('/api/sales', { title: 'Licenties', companyId: company.id, personId: person.id, amount: 1250.5 })).json();
    expect(sale.automation).toBeNull();

    const sold = await admin.patch(`/api/sales/${sale.id}`, { status: 'sold', version: sale.version });

    expect(sold.statusCode).toBe(200);
    expect(sold.json()).toMatchObject({ status: 'sold', automation: { trigger: 'saleSold', applied: true, suggestedCategoryId: categoryNamed('Klant') } });
    expect((await companyOf(company.id)).categoryId).toBe(categoryNamed('Klant'));
    const after = (await admin.get(`/api/persons/${person.id}`)).json();
    expect(after).toMatchObject({ leadStatusId: statusNamed('Gekwalificeerd'), leadStatusEnabled: false, leadStatusRetained: true });
  });

  it('starts lead cycles with source automation', async () => {
    await saveRules({ saleRegistered: { enabled: true, targetCategoryId: categoryNamed('Lead') } });
    const prospect = (await admin.post('/api/categories', { nameNl: 'Prospect voor verkoop', categoryGroup: 'potentialCustomer' })).json();
    const company = (await admin.post('/api/companies', { name: 'Nieuwe Lead BV', categoryId: prospect.id })).json();
    const person = await makePerson(company.id, 'Start');

    const sale = await admin.post('/api/sales', { title: 'Eerste order', companyId: company.id });

    expect(sale.json().automation).toMatchObject({ trigger: 'saleRegistered', applied: true });
    const history = (await admin.get(`/api/persons/${person.id}/lead-status-history`)).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ source: 'automation' });
    expect((await admin.get(`/api/persons/${person.id}`)).json().leadStatusId).toBe(statusNamed('Open'));
  });

  it('suggests the sale lost category when confirmation is on', async () => {
    await saveRules({ saleLost: { enabled: true, targetCategoryId: categoryNamed('Verloren opportunity'), askConfirmation: true } });
    const company = await makeCompany('Opportunity');
    const sale = (await admin.post('/api/sales', { title: 'Offerte', companyId: company.id })).json();

    const lost = await admin.patch(`/api/sales/${sale.id}`, { status: 'lost', reason: 'Te duur', version: sale.version });

    expect(lost.json()).toMatchObject({ status: 'lost', reason: 'Te duur', automation: { applied: false, suggestedCategoryId: categoryNamed('Verloren opportunity') } });
    expect((await companyOf(company.id)).categoryId).toBe(categoryNamed('Opportunity'));
  });

  it('applies the rule through a bulk update and skips rules that ask', async () => {
    await saveRules(qualifiedToOpportunity());
    const moved = await makeCompany('Lead');
    const movedPersons = [await makePerson(moved.id, 'Bulk A'), await makePerson(moved.id, 'Bulk B')];

    const run = (await admin.post('/api/persons/bulk-update', { target: { ids: movedPersons.map((person) => person.id) }, changes: { leadStatusId: statusNamed('Gekwalificeerd') } })).json();
    expect(await waitUntilFinished(run.id)).toMatchObject({ status: 'done', changed: 2 });
    expect((await companyOf(moved.id)).categoryId).toBe(categoryNamed('Opportunity'));

    await saveRules(qualifiedToOpportunity(true));
    const confirmCompany = await makeCompany('Lead');
    const confirmPerson = await makePerson(confirmCompany.id, 'Bulk C');
    const second = (await admin.post('/api/persons/bulk-update', { target: { ids: [confirmPerson.id] }, changes: { leadStatusId: statusNamed('Gekwalificeerd') } })).json();
    expect(await waitUntilFinished(second.id)).toMatchObject({ status: 'done', changed: 1 });
    expect((await companyOf(confirmCompany.id)).categoryId).toBe(categoryNamed('Lead'));
  });

  it('applies the rule through an import unless the row names a category', async () => {
    await saveRules(qualifiedToOpportunity());
    const byRule = await makeCompany('Lead');
    const byRow = await makeCompany('Lead');
    const csv = [
      'Bedrijf;Categorie;Achternaam;E-mail;Leadstatus',
      `${byRule.name};;Import;import.a@example.nl;Gekwalificeerd`,
      `${byRow.name};Marketinggekwalificeerde lead (MQL);Import;import.b@example.nl;Gekwalificeerd`,
    ].join('\n');

    const report = await runImport(testApp.database.db, readImportFile(new Uint8Array(Buffer.from(csv, 'utf8')), null), {
      actor: systemActor('import'),
      dryRun: false,
      timeZone: 'Europe/Amsterdam',
    });

    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
    expect((await companyOf(byRule.id)).categoryId).toBe(categoryNamed('Opportunity'));
    expect((await companyOf(byRow.id)).categoryId).toBe(categoryNamed('Marketinggekwalificeerde lead (MQL)'));
  });

  it('lets every user read the rules and only administrators save them', async () => {
    const user = await testApp.signIn({ role: 'user' });
    const current = (await user.get('/api/automation-rules'));
    expect(current.statusCode).toBe(200);

    const response = await user.put('/api/automation-rules', { rules: disabledRules(), version: current.json().version });

    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });

  it('requires a target category and a lead status for enabled rules', async () => {
    const { version } = (await admin.get('/api/automation-rules')).json();
    const rules = disabledRules();
    rules[0] = { ...rules[0]!, enabled: true };
    rules[2] = { ...rules[2]!, enabled: true };

    const response = await admin.put('/api/automation-rules', { rules, version });

    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().fields).toEqual([
      expect.objectContaining({ field: '/rules/0/leadStatusId', code: 'required' }),
      expect.objectContaining({ field: '/rules/0/targetCategoryId', code: 'required' }),
      expect.objectContaining({ field: '/rules/2/targetCategoryId', code: 'required' }),
    ]);
  });

  it('rejects unknown and deleted categories and statuses', async () => {
    const deleted = (await admin.post('/api/categories', { nameNl: 'Weggegooid', categoryGroup: 'other' })).json();
    expect((await admin.delete(`/api/categories/${deleted.id}`)).statusCode).toBe(204);
    const { version } = (await admin.get('/api/automation-rules')).json();

    const unknown = disabledRules();
    unknown[1] = { ...unknown[1]!, enabled: true, targetCategoryId: 99_999 };
    const unknownResponse = await admin.put('/api/automation-rules', { rules: unknown, version });
    expect(unknownResponse.statusCode).toBe(422);
    expect(unknownResponse.json().fields).toEqual([expect.objectContaining({ field: '/rules/1/targetCategoryId', code: 'unknownReference' })]);

    const deletedTarget = disabledRules();
    deletedTarget[3] = { ...deletedTarget[3]!, enabled: true, targetCategoryId: deleted.id };
    const deletedResponse = await admin.put('/api/automation-rules', { rules: deletedTarget, version });
    expect(deletedResponse.statusCode).toBe(422);
    expect(deletedResponse.json().fields).toEqual([expect.objectContaining({ field: '/rules/3/targetCategoryId', code: 'deletedItem' })]);

    const unknownStatus = disabledRules();
    unknownStatus[0] = { ...unknownStatus[0]!, enabled: true, leadStatusId: 99_999, targetCategoryId: categoryNamed('Opportunity') };
    const statusResponse = await admin.put('/api/automation-rules', { rules: unknownStatus, version });
    expect(statusResponse.statusCode).toBe(422);
    expect(statusResponse.json().fields).toEqual([expect.objectContaining({ field: '/rules/0/leadStatusId', code: 'unknownReference' })]);
  });

  it('rejects a rule list that repeats a trigger', async () => {
    const { version } = (await admin.get('/api/automation-rules')).json();
    const rules = disabledRules();
    rules[3] = { ...rules[3]!, trigger: 'saleSold' };

    const response = await admin.put('/api/automation-rules', { rules, version });

    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('/rules/3/trigger');
  });

  it('refuses a save based on a stale version', async () => {
    const { version } = (await admin.get('/api/automation-rules')).json();
    expect((await admin.put('/api/automation-rules', { rules: disabledRules(), version })).statusCode).toBe(200);

    const stale = await admin.put('/api/automation-rules', { rules: disabledRules(), version });

    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('takes the version from If-Match as well', async () => {
    const { version } = (await admin.get('/api/automation-rules')).json();
    const put = (ifMatch: string) =>
      admin.raw({ method: 'PUT', url: '/api/automation-rules', payload: { rules: disabledRules() }, headers: { 'if-match': ifMatch } });

    expect((await put(`"${version}"`)).statusCode).toBe(200);
    expect((await put(`"${version}"`)).statusCode).toBe(412);
  });

  it('writes saved rules to the audit log', async () => {
    const saved = await saveRules(qualifiedToOpportunity(true));

    const entries = (await admin.get('/api/audit-log?entity=automationRules')).json().items;

    expect(entries[0]).toMatchObject({ action: 'update', changes: { rules: saved.rules } });
  });
});
