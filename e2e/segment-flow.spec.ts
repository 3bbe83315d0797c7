import type { Locator, Page } from '@playwright/test';

import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';
import { chooseField, chooseValues, line, personCount, search } from './support/find';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Returns a board column by its name; its accessible name is the name followed by the count. */
function column(page: Page, name: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${escapeRegExp(name)} [\\d.,]+$`) });
}

function card(scope: Locator, fullName: string): Locator {
  return scope.getByRole('listitem').filter({ has: scope.page().getByRole('link', { name: fullName, exact: true }) });
}

/** Returns the counts in the board's column headers. */
async function columnCounts(page: Page): Promise<number[]> {
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  return headings.map((text) => Number(/([\d.]+)$/.exec(text.trim())?.[1]?.replace(/\./g, '') ?? 'NaN'));
}

test('find, save a selection, move a card and bulk update', async ({ page, api }) => {
  // Four leads, one of them Disqualified, and a customer's person: the search keeps the three
  // leads that are not Disqualified.
  const lastName = uniqueName('Traject');
  const lead = await api.createCompany({ name: uniqueName('Traject Lead bv'), category: 'Lead' });
  const customer = await api.createCompany({ name: uniqueName('Zenith Supply bv'), category: 'Klant' });
  const anna = await api.createPerson({ firstName: 'Anna', lastName, companyId: lead.id });
  await api.createPerson({ firstName: 'Bram', lastName, companyId: lead.id });
  const cas = await api.createPerson({ firstName: 'Cas', lastName, companyId: lead.id });
  const dirk = await api.createPerson({ firstName: 'Dirk', lastName, companyId: lead.id });
  await api.createPerson({ firstName: 'Els', lastName, companyId: customer.id });
  await api.updatePerson(cas.id, cas.version, { leadStatusId: await api.leadStatusId('Contact opnemen') });
  await api.updatePerson(dirk.id, dirk.version, { leadStatusId: await api.leadStatusId('Gediskwalificeerd') });

  // Find: category group Potentiële klant, lead status not Disqualified, this test's last name.
  await page.goto('/find');
  await chooseField(line(page, 1, 1), 'Categoriegroep', 'Is een van');
  await chooseValues(page, line(page, 1, 1), 'Categoriegroep', ['Potentiële klant']);
  await page.getByRole('button', { name: 'Regel toevoegen' }).click();
  await chooseField(line(page, 1, 2), 'Leadstatus', 'Is niet een van');
  await chooseValues(page, line(page, 1, 2), 'Leadstatus', ['Gediskwalificeerd']);
  await page.getByRole('button', { name: 'Regel toevoegen' }).click();
  await chooseField(line(page, 1, 3), 'Achternaam', 'Begint met');
  await line(page, 1, 3).getByLabel('Waarde', { exact: true }).fill(lastName);
  await search(page);
  await expect(page.getByText(personCount(3))).toBeVisible();
  await saveScreenshot(page, 'nl-flow-find');

  // Save it as a dynamic selection.
  const selectionName = uniqueName('Warme leads');
  await page.getByRole('button', { name: 'Opslaan als selectie' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Opslaan als selectie' });
  await saveDialog.getByLabel('Naam').fill(selectionName);
  await saveDialog.getByRole('button', { name: 'Selectie opslaan' }).click();
  await expect(page).toHaveURL(/\/selections\/\d+$/);
  const selectionId = Number(/\/selections\/(\d+)$/.exec(page.url())?.[1]);
  expect(await api.selectionTotal(selectionId, 'person')).toBe(3);
  await expect(page.getByText('3 personen in deze selectie')).toBeVisible();
  await saveScreenshot(page, 'nl-flow-selection');

  // Open it as a board: the column counts add up to the selection's count.
  await page.getByRole('link', { name: 'Bordweergave' }).last().click();
  await expect(page).toHaveURL(new RegExp(`/selections/${selectionId}/board$`));
  await expect(page.getByRole('heading', { level: 1, name: `Bordweergave: ${selectionName}` })).toBeVisible();
  await expect(column(page, 'Open')).toHaveAccessibleName('Open 2');
  expect((await columnCounts(page)).reduce((sum, count) => sum + count, 0)).toBe(3);

  // Drag Anna from Open to Contact opnemen.
  const from = card(column(page, 'Open'), `Anna ${lastName}`);
  const to = column(page, 'Contact opnemen');
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (start === null || end === null) throw new Error('the card or the column is not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height - 30);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 20, start.y + start.height - 10, { steps: 4 });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await expect(to).toHaveClass(/board-column-over/);
  await page.mouse.up();
  await expect(column(page, 'Contact opnemen')).toHaveAccessibleName('Contact opnemen 2');
  await expect(column(page, 'Open')).toHaveAccessibleName('Open 1');
  await saveScreenshot(page, 'nl-flow-board');

  // The person's history shows the move, made on the board.
  expect((await api.getPerson(anna.id)).leadStatus?.name).toBe('Contact opnemen');
  expect((await api.leadStatusHistory(anna.id))[0]).toMatchObject({ from: { name: 'Open' }, to: { name: 'Contact opnemen' }, source: 'board' });
  await card(column(page, 'Contact opnemen'), `Anna ${lastName}`).getByRole('link', { name: `Anna ${lastName}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Anna ${lastName}` })).toBeVisible();
  await expect(page.getByRole('row', { name: /Open Contact opnemen Beheerder Bordweergave/ })).toBeVisible();

  // Bulk update the whole selection to Gekwalificeerd.
  await page.goto(`/selections/${selectionId}`);
  await page.getByRole('button', { name: /^Bulk bijwerken/ }).click();
  const bulk = page.getByRole('dialog', { name: 'Bulkwijziging van 3 personen' });
  await bulk.getByLabel('Leadstatus').selectOption({ label: 'Gekwalificeerd' });
  await bulk.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(bulk.getByText('3 worden gewijzigd')).toBeVisible();
  await saveScreenshot(page, 'nl-flow-bulk-preview');
  await bulk.getByRole('button', { name: 'Uitvoeren' }).click();
  await expect(bulk.locator('.bulk-status')).toHaveText('Klaar');
  await expect(bulk.getByRole('table').getByRole('row')).toHaveCount(4);
  await saveScreenshot(page, 'nl-flow-bulk-result');

  const qualified = await api.personGroupCounts('leadStatus', [{ field: 'lastName', operator: 'startsWith', values: [lastName] }]);
  expect(qualified.total).toBe(5);
  expect((await api.getPerson(anna.id)).leadStatus?.name).toBe('Gekwalificeerd');
  expect((await api.getPerson(cas.id)).leadStatus?.name).toBe('Gekwalificeerd');
  expect((await api.getPerson(dirk.id)).leadStatus?.name).toBe('Gediskwalificeerd');
  expect((await api.leadStatusHistory(anna.id))[0]).toMatchObject({ to: { name: 'Gekwalificeerd' }, source: 'bulkUpdate' });
});
