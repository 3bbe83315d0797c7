import type { Page } from '@playwright/test';

import { ADMIN_NAME } from './support/accounts';
import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';
import { filterStartsWith } from './support/list';
import { expectNoDutch } from './support/no-dutch';

/** Waits for the response that starts a bulk update and returns the run's id. */
async function runIdOf(page: Page, entity: 'persons' | 'companies', start: () => Promise<void>): Promise<number> {
  const response = page.waitForResponse((candidate) => candidate.url().endsWith(`/api/${entity}/bulk-update`) && candidate.request().method() === 'POST');
  await start();
  const started = await response;
  expect(started.status()).toBe(202);
  return ((await started.json()) as { id: number }).id;
}

test.describe('bulk update of persons', () => {
  test('previews, runs and logs a lead status change', async ({ page, api }) => {
    const prefix = uniqueName('Bulkstatus');
    const leadCompany = await api.createCompany({ name: `${prefix} Lead bv`, category: 'Lead' });
    const customer = await api.createCompany({ name: `${prefix} Buyer bv`, category: 'Klant' });
    const leads = await api.createPersons(30, (index) => ({ firstName: `Lead ${String(index + 1).padStart(2, '0')}`, lastName: 'Janssen', companyId: leadCompany.id }));
    const customers = await api.createPersons(4, (index) => ({ firstName: `Klant ${index + 1}`, lastName: 'Pietersen', companyId: customer.id }));
    const contacting = await api.leadStatusId('Contact opnemen');
    for (const person of leads.slice(0, 2)) await api.updatePerson(person.id, person.version, { leadStatusId: contacting });

    await page.goto('/persons');
    await filterStartsWith(page, 'Bedrijf', prefix);
    await expect(page.getByText('34 personen')).toBeVisible();
    await page.getByRole('button', { name: 'Bulk bijwerken (34)' }).click();

    const dialog = page.getByRole('dialog', { name: 'Bulkwijziging van 34 personen' });
    await expect(dialog.getByRole('heading', { name: 'Wat wil je wijzigen?' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await expect(dialog.getByText('Kies ten minste één wijziging.')).toBeVisible();
    await dialog.getByLabel('Leadstatus').selectOption({ label: 'Contact opnemen' });
    await saveScreenshot(page, 'nl-bulk-update-choose');

    await dialog.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await expect(dialog.getByText('Van de 34 personen:')).toBeVisible();
    await expect(dialog.getByText('28 worden gewijzigd')).toBeVisible();
    await expect(dialog.getByText('2 hebben deze waarde al')).toBeVisible();
    await expect(dialog.getByText('4 kunnen niet worden gewijzigd: leadstatus niet ingeschakeld voor hun bedrijf')).toBeVisible();
    await expect(dialog.getByText('Leadstatus wordt Contact opnemen')).toBeVisible();
    await saveScreenshot(page, 'nl-bulk-update-preview');

    const runId = await runIdOf(page, 'persons', () => dialog.getByRole('button', { name: 'Uitvoeren' }).click());
    await expect(dialog.locator('.bulk-status')).toHaveText('Klaar');
    await expect(dialog.getByText('Alle 34 records zijn verwerkt.')).toBeVisible();
    const log = dialog.getByRole('table');
    await expect(log.getByRole('row')).toHaveCount(35);
    for (const person of [...leads.slice(2), ...customers]) {
      await expect(log.getByRole('row', { name: person.fullName })).toContainText(customers.includes(person) ? 'Geweigerd' : 'Gewijzigd');
    }
    for (const person of leads.slice(0, 2)) await expect(log.getByRole('row', { name: person.fullName })).toContainText('Ongewijzigd');
    await expect(log.getByRole('row', { name: customers[0]!.fullName })).toContainText('Leadstatus niet ingeschakeld voor het bedrijf');
    await saveScreenshot(page, 'nl-bulk-update-result');

    await dialog.getByLabel('Toon').selectOption({ label: 'Geweigerd (4)' });
    await expect(log.getByRole('row')).toHaveCount(5);
    await saveScreenshot(page, 'nl-bulk-update-result-refused');

    const run = await api.getBulkUpdate(runId);
    expect(run).toMatchObject({ status: 'done', total: 34, done: 34, changed: 28, unchanged: 2, refused: 4 });
    const changed = await api.getPerson(leads[5]!.id);
    expect(changed.leadStatus?.name).toBe('Contact opnemen');
    const history = await api.leadStatusHistory(leads[5]!.id);
    expect(history[0]).toMatchObject({ from: { name: 'Open' }, to: { name: 'Contact opnemen' }, source: 'bulkUpdate' });
    expect((await api.getPerson(customers[0]!.id)).leadStatus).toBeNull();
    expect((await api.leadStatusHistory(leads[0]!.id)).filter((change) => change.source === 'bulkUpdate')).toHaveLength(0);

    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(leads[5]!.fullName) })).toContainText('Contact opnemen');
  });

  test('changes the owner of ticked rows only', async ({ page, api }) => {
    const prefix = uniqueName('Vinkjes');
    const company = await api.createCompany({ name: `${prefix} bv`, category: 'Lead' });
    const persons = await api.createPersons(6, (index) => ({ firstName: 'Rij', lastName: `Vink ${'ABCDEF'[index]}`, companyId: company.id }));
    const admin = await api.currentUser();

    await page.goto('/persons');
    await filterStartsWith(page, 'Bedrijf', prefix);
    await expect(page.getByText('6 personen')).toBeVisible();

    const box = (letter: string) => page.getByRole('checkbox', { name: `Rij Vink ${letter} aanvinken` });
    const headerTop = async () => (await page.getByRole('columnheader', { name: 'Naam' }).boundingBox())?.y;
    const topBefore = await headerTop();
    await box('A').check();
    await box('C').click({ modifiers: ['Shift'] });
    for (const letter of 'ABC') await expect(box(letter)).toBeChecked();
    for (const letter of 'DEF') await expect(box(letter)).not.toBeChecked();
    await expect(page.getByText('3 aangevinkt')).toBeVisible();
    expect(await headerTop(), 'the list does not move when rows are ticked').toBe(topBefore);
    const selectAll = page.getByRole('checkbox', { name: 'Alle geladen rijen aanvinken' });
    await expect(selectAll).not.toBeChecked();
    expect(await selectAll.evaluate((input) => (input as HTMLInputElement).indeterminate)).toBe(true);

    await page.getByRole('link', { name: 'Rij Vink E' }).focus();
    await page.keyboard.press('Space');
    await expect(box('E')).toBeChecked();
    await expect(page.getByText('4 aangevinkt')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(box('E')).not.toBeChecked();
    await saveScreenshot(page, 'nl-persons-ticked');

    await page.getByRole('button', { name: 'Bulk bijwerken (3)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulkwijziging van 3 personen' });
    await dialog.getByLabel('Onze contactpersoon').selectOption({ label: ADMIN_NAME });
    await dialog.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await expect(dialog.getByText('Van de 3 personen:')).toBeVisible();
    await expect(dialog.getByText('3 worden gewijzigd')).toBeVisible();
    await expect(dialog.getByText('0 hebben deze waarde al')).toBeVisible();
    await dialog.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect(dialog.locator('.bulk-status')).toHaveText('Klaar');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    for (const [index, person] of persons.entries()) {
      expect((await api.getPerson(person.id)).ownerId, person.fullName).toBe(index < 3 ? admin.id : null);
    }

    await selectAll.click();
    await expect(page.getByText('6 aangevinkt')).toBeVisible();
    await expect(selectAll).toBeChecked();
    await page.getByRole('button', { name: 'Vinkjes weghalen' }).click();
    await expect(page.getByText(/aangevinkt/)).toBeHidden();

    await box('B').check();
    await filterStartsWith(page, 'Bedrijf', `${prefix} b`);
    await expect(page.getByText(/aangevinkt/)).toBeHidden();
    await expect(box('B')).not.toBeChecked();
  });
});

test.describe('bulk update dialog', () => {
  test('warns when the list has no filter', async ({ page, api }) => {
    // Two persons at least, so every text uses the plural.
    await api.createPersons(2, (index) => ({ firstName: `Ongefilterd ${index + 1}`, lastName: uniqueName('Iedereen') }));

    await page.goto('/persons');
    const button = page.getByRole('button', { name: /^Bulk bijwerken \([\d.]+\)$/ });
    const total = /\(([\d.]+)\)/.exec((await button.textContent()) ?? '')?.[1] ?? 'NaN';
    await expect(page.getByText(`${total} personen`, { exact: true })).toBeVisible();
    await button.click();

    const dialog = page.getByRole('dialog', { name: `Bulkwijziging van ${total} personen` });
    await dialog.getByLabel('Onze contactpersoon').selectOption({ label: 'Geen contactpersoon' });
    await dialog.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await expect(dialog.getByText(`Er staat geen filter op de lijst, dus deze bulkwijziging geldt voor alle ${total} personen in Trechter.`)).toBeVisible();
    await expect(dialog.getByText(`Van de ${total} personen:`)).toBeVisible();
    await saveScreenshot(page, 'nl-bulk-update-everything');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(dialog).toBeHidden();
  });

  test('shows why the server refused', async ({ page, api }) => {
    const prefix = uniqueName('Bulkfout');
    const company = await api.createCompany({ name: `${prefix} bv`, category: 'Lead' });
    await api.createPersons(2, (index) => ({ firstName: `Fout ${index + 1}`, lastName: 'Janssen', companyId: company.id }));
    const statusName = uniqueName('Tijdelijk');
    const status = await api.createLeadStatus(statusName);

    await page.goto('/persons');
    await filterStartsWith(page, 'Bedrijf', prefix);
    await page.getByRole('button', { name: 'Bulk bijwerken (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulkwijziging van 2 personen' });
    await dialog.getByLabel('Leadstatus').selectOption({ label: statusName });
    await api.deleteLeadStatus(status.id);
    await dialog.getByRole('button', { name: 'Voorbeeld bekijken' }).click();

    const error = dialog.getByRole('alert');
    await expect(error).toContainText('Dit lijstitem is verwijderd. Kies een ander item.');
    await expect(error).toContainText('Leadstatus: Deze keuze is verwijderd. Kies een andere.');
    await expect(dialog.getByRole('button', { name: 'Uitvoeren' })).toBeDisabled();
    await saveScreenshot(page, 'nl-bulk-update-error');

    await dialog.getByRole('button', { name: 'Terug' }).click();
    await expect(dialog.getByRole('heading', { name: 'Wat wil je wijzigen?' })).toBeFocused();
  });

  test('ticks rows in a grouped list', async ({ page, api }) => {
    const prefix = uniqueName('Bulkgroep');
    const company = await api.createCompany({ name: `${prefix} bv`, category: 'Lead' });
    await api.createPersons(3, (index) => ({ firstName: `Groep ${index + 1}`, lastName: 'Janssen', companyId: company.id }));

    await page.goto('/persons');
    await filterStartsWith(page, 'Bedrijf', prefix);
    await page.getByLabel('Groeperen op').selectOption({ label: 'Leadstatus' });
    await page.getByRole('button', { name: /Leadstatus: Open\s*3/ }).click();
    await page.getByRole('checkbox', { name: 'Groep 1 Janssen aanvinken' }).check();
    await page.getByRole('checkbox', { name: 'Groep 3 Janssen aanvinken' }).click({ modifiers: ['Shift'] });
    await expect(page.getByText('3 aangevinkt')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Bulk bijwerken (3)' })).toBeVisible();
    await saveScreenshot(page, 'nl-persons-grouped-ticked');

    const clearAll = page.getByRole('checkbox', { name: 'Vinkjes weghalen' });
    await clearAll.click();
    await expect(page.getByText('3 aangevinkt')).toBeHidden();
    await expect(clearAll).toBeDisabled();
  });
});

test.describe('bulk update of companies', () => {
  test('sets the category of ticked companies', async ({ page, api }) => {
    const prefix = uniqueName('Bulkcategorie');
    const companies: Array<{ id: number }> = [];
    for (const suffix of ['Alfa', 'Beta', 'Gamma']) companies.push(await api.createCompany({ name: `${prefix} ${suffix}`, category: 'Lead' }));
    await api.createPersons(2, (index) => ({ firstName: `Medewerker ${index + 1}`, lastName: 'Alfa', companyId: companies[0]!.id }));

    await page.goto('/companies');
    await filterStartsWith(page, 'Naam', prefix);
    await expect(page.getByText('3 bedrijven')).toBeVisible();
    await page.getByRole('checkbox', { name: `${prefix} Alfa aanvinken` }).check();
    await page.getByRole('checkbox', { name: `${prefix} Beta aanvinken` }).check();
    await page.getByRole('button', { name: 'Bulk bijwerken (2)' }).click();

    const dialog = page.getByRole('dialog', { name: 'Bulkwijziging van 2 bedrijven' });
    await dialog.getByLabel('Categorie').selectOption({ label: 'Klant' });
    await dialog.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await expect(dialog.getByText('Van de 2 bedrijven:')).toBeVisible();
    await expect(dialog.getByText('2 worden gewijzigd')).toBeVisible();
    await expect(dialog.getByText('De bedrijven die wijzigen hebben samen 2 personen.')).toBeVisible();
    await saveScreenshot(page, 'nl-bulk-update-companies-preview');

    const runId = await runIdOf(page, 'companies', () => dialog.getByRole('button', { name: 'Uitvoeren' }).click());
    await expect(dialog.locator('.bulk-status')).toHaveText('Klaar');
    await expect(dialog.getByRole('table').getByRole('row', { name: `${prefix} Alfa` })).toContainText('Gewijzigd');
    await expect(dialog.getByRole('table').getByRole('row', { name: `${prefix} Beta` })).toContainText('Gewijzigd');
    await saveScreenshot(page, 'nl-bulk-update-companies-result');

    expect(await api.getBulkUpdate(runId)).toMatchObject({ status: 'done', total: 2, changed: 2 });
    expect((await api.getCompany(companies[0]!.id)).category?.name).toBe('Klant');
    expect((await api.getCompany(companies[1]!.id)).category?.name).toBe('Klant');
    expect((await api.getCompany(companies[2]!.id)).category?.name).toBe('Lead');

    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect(page.getByRole('row', { name: new RegExp(`${prefix} Gamma`) })).toContainText('Lead');
    await expect(page.getByRole('row', { name: new RegExp(`${prefix} Alfa`) })).toContainText('Klant');
  });
});

test.describe('bulk update runs', () => {
  test('stops after the batch in progress', async ({ page, api }) => {
    test.setTimeout(240_000);
    const prefix = uniqueName('Bulkstop');
    const company = await api.createCompany({ name: `${prefix} bv`, category: 'Lead' });
    const persons = await api.createPersons(2000, (index) => ({ firstName: `Nr ${index + 1}`, lastName: 'Stoppel', companyId: company.id }));

    await page.goto('/persons');
    await filterStartsWith(page, 'Bedrijf', prefix);
    await expect(page.getByText('2.000 personen')).toBeVisible();
    await page.getByRole('button', { name: 'Bulk bijwerken (2.000)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulkwijziging van 2.000 personen' });
    await dialog.getByLabel('Leadstatus').selectOption({ label: 'Gekwalificeerd' });
    await dialog.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await expect(dialog.getByText('2.000 worden gewijzigd')).toBeVisible();

    const runId = await runIdOf(page, 'persons', () => dialog.getByRole('button', { name: 'Uitvoeren' }).click());
    await dialog.getByRole('button', { name: 'Stoppen' }).click();
    await expect(dialog.getByRole('progressbar', { name: 'Voortgang' })).toBeVisible();
    await saveScreenshot(page, 'nl-bulk-update-stopping');

    await expect(dialog.locator('.bulk-status')).toHaveText('Gestopt', { timeout: 30_000 });
    const run = await api.getBulkUpdate(runId);
    expect(run.status).toBe('stopped');
    expect(run.done).toBeLessThan(2000);
    expect(run.done % 500).toBe(0);
    expect(run.changed).toBe(run.done);
    await expect(dialog.getByText(`Gestopt na ${run.done.toLocaleString('nl-NL')} van 2.000 records.`)).toBeVisible();
    await saveScreenshot(page, 'nl-bulk-update-stopped');

    expect((await api.getPerson(persons[0]!.id)).leadStatus?.name).toBe(run.done > 0 ? 'Gekwalificeerd' : 'Open');
    expect((await api.getPerson(persons[1999]!.id)).leadStatus?.name).toBe('Open');
  });

  test('asks before closing during a run', async ({ page, api }) => {
    test.setTimeout(180_000);
    const prefix = uniqueName('Bulksluit');
    const company = await api.createCompany({ name: `${prefix} bv`, category: 'Lead' });
    await api.createPersons(1000, (index) => ({ firstName: `Nr ${index + 1}`, lastName: 'Sluiter', companyId: company.id }));

    await page.goto('/persons');
    await filterStartsWith(page, 'Bedrijf', prefix);
    const dialog = page.getByRole('dialog', { name: 'Bulkwijziging van 1.000 personen' });
    const confirm = page.getByRole('dialog', { name: 'Venster sluiten?' });
    const startRun = async (owner: string) => {
      await page.getByRole('button', { name: 'Bulk bijwerken (1.000)' }).click();
      await dialog.getByLabel('Onze contactpersoon').selectOption({ label: owner });
      await dialog.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await expect(dialog.getByText('1.000 worden gewijzigd')).toBeVisible();
      return runIdOf(page, 'persons', () => dialog.getByRole('button', { name: 'Uitvoeren' }).click());
    };

    await startRun(ADMIN_NAME);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect(confirm.getByText('De bulkwijziging loopt door op de server')).toBeVisible();
    await saveScreenshot(page, 'nl-bulk-update-close-running');
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect(confirm).toBeHidden();
    await expect(dialog.locator('.bulk-status')).toHaveText('Klaar', { timeout: 30_000 });
    const log = dialog.getByRole('table');
    await expect(log.getByRole('row')).toHaveCount(501);
    await dialog.getByRole('button', { name: 'Meer laden' }).click();
    await expect(log.getByRole('row')).toHaveCount(1001);
    await expect(dialog.getByRole('button', { name: 'Meer laden' })).toBeHidden();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect(dialog).toBeHidden();

    const runId = await startRun('Geen contactpersoon');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await confirm.getByRole('button', { name: 'Sluiten' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').getByText('Bulkwijziging klaar: 1.000 gewijzigd, 0 ongewijzigd, 0 geweigerd')).toBeVisible({ timeout: 30_000 });
    expect(await api.getBulkUpdate(runId)).toMatchObject({ status: 'done', changed: 1000 });
  });

  test('shows the preview in English', async ({ page, api }) => {
    const prefix = uniqueName('Bulkengels');
    const company = await api.createCompany({ name: `${prefix} Ltd`, category: 'Lead' });
    const other = await api.createCompany({ name: `${prefix} Partner`, category: 'Partner' });
    const persons = [
      ...(await api.createPersons(3, (index) => ({ firstName: `Lead ${index + 1}`, lastName: 'Smith', companyId: company.id }))),
      ...(await api.createPersons(1, () => ({ firstName: 'Partner', lastName: 'Jones', companyId: other.id }))),
    ];
    await api.setLanguage('en');

    await page.goto('/persons');
    await page.getByRole('button', { name: 'Filter on Company' }).click();
    const popover = page.getByRole('dialog', { name: 'Filter on Company' });
    await popover.getByLabel('Value', { exact: true }).fill(prefix);
    await popover.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('4 persons')).toBeVisible();
    await page.getByRole('button', { name: 'Bulk update (4)' }).click();

    const dialog = page.getByRole('dialog', { name: 'Bulk update of 4 persons' });
    await dialog.getByLabel('Lead status').selectOption({ label: 'Qualified' });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByText('Of the 4 persons:')).toBeVisible();
    await expect(dialog.getByText('3 will be changed')).toBeVisible();
    await expect(dialog.getByText('1 cannot be changed: lead status not enabled for their company')).toBeVisible();
    await expectNoDutch(page, [...persons.map((person) => person.fullName), `${prefix} Ltd`, `${prefix} Partner`, ADMIN_NAME]);
    await saveScreenshot(page, 'en-bulk-update-preview');
  });
});
