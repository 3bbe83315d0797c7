import type { Locator, Page } from '@playwright/test';

import { ADMIN_NAME } from './support/accounts';
import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';
import { expectNoDutch } from './support/no-dutch';

const NEW_STATUS = 'Afspraak gepland';
const RENAMED_STATUS = 'Afspraak ingepland';

/** Returns the row of a list item in the Beheer table by the name shown in its first column. */
function itemRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
}

/** Returns the names of the table's rows, in screen order. */
async function rowNames(page: Page): Promise<string[]> {
  const names = await page.locator('tbody .admin-item-name-main').allTextContents();
  return names.map((name) => name.trim());
}

/** Drags a row by its handle with the mouse and drops it on the middle of another row. */
async function dragRow(page: Page, name: string, ontoName: string): Promise<void> {
  const handle = page.getByRole('button', { name: `${name} verslepen` });
  const target = itemRow(page, ontoName);
  const start = await handle.boundingBox();
  const end = await target.boundingBox();
  if (start === null || end === null) throw new Error(`cannot drag ${name} onto ${ontoName}: a row is not visible`);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2, start.y - 10, { steps: 4 });
  await page.mouse.move(start.x + start.width / 2, end.y + end.height / 2, { steps: 12 });
  await expect(target).toHaveClass(/admin-row-drop-before/);
  await page.mouse.up();
}

test.describe('Beheer: lists', () => {
  test('lead status added, renamed, deleted, restored', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Bakkerij Beheer'), category: 'Lead' });
    const person = await api.createPerson({ firstName: 'Iris', lastName: uniqueName('Jansen'), companyId: company.id });

    await page.goto('/companies');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Lijsten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Lijsten' })).toBeVisible();
    await page.getByRole('tab', { name: 'Persoon – Leadstatus' }).click();
    await expect(itemRow(page, 'Open').getByText('Standaard')).toBeVisible();

    // Add the status with a description; it lands at the end of the list.
    await page.getByRole('button', { name: 'Leadstatus toevoegen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Leadstatus toevoegen' });
    await dialog.getByLabel('Naam (Nederlands)').fill(NEW_STATUS);
    await dialog.getByLabel('Omschrijving (Nederlands)').fill('Er staat een afspraak met de lead in de agenda');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(itemRow(page, NEW_STATUS)).toContainText('Er staat een afspraak met de lead in de agenda');
    expect((await rowNames(page)).at(-1)).toBe(NEW_STATUS);

    // Drag it up onto Opnieuw benaderen, then one more place up with the keyboard.
    await dragRow(page, NEW_STATUS, 'Opnieuw benaderen');
    await expect.poll(() => rowNames(page)).toEqual(['Open', 'Contact opnemen', 'Gediskwalificeerd', NEW_STATUS, 'Opnieuw benaderen', 'Gekwalificeerd']);
    await expect(page.getByRole('button', { name: `${NEW_STATUS} omhoog` })).toBeEnabled();
    await page.getByRole('button', { name: `${NEW_STATUS} omhoog` }).focus();
    await page.keyboard.press('Enter');
    const expectedOrder = ['Open', 'Contact opnemen', NEW_STATUS, 'Gediskwalificeerd', 'Opnieuw benaderen', 'Gekwalificeerd'];
    await expect.poll(() => rowNames(page)).toEqual(expectedOrder);
    await expect.poll(async () => (await api.leadStatuses()).filter((item) => !item.deleted).map((item) => item.name)).toEqual(expectedOrder);
    await saveScreenshot(page, 'admin-lists-lead-statuses');

    // The board's columns follow list order.
    await page.goto('/board');
    await expect(page.getByRole('heading', { level: 1, name: 'Bordweergave' })).toBeVisible();
    await expect
      .poll(async () => (await page.getByRole('heading', { level: 2 }).allTextContents()).map((text) => text.replace(/ [\d.,]+$/, '').trim()).slice(0, 6))
      .toEqual(expectedOrder);

    // A person holding the status sees it renamed on the person card.
    const statusId = await api.leadStatusId(NEW_STATUS);
    const current = await api.getPerson(person.id);
    await api.updatePerson(person.id, current.version, { leadStatusId: statusId });
    await page.goto('/admin/lists?list=lead-statuses');
    await page.getByRole('button', { name: `${NEW_STATUS} bewerken` }).click();
    const editDialog = page.getByRole('dialog', { name: `Leadstatus ${NEW_STATUS} bewerken` });
    await editDialog.getByLabel('Naam (Nederlands)').fill(RENAMED_STATUS);
    await editDialog.getByLabel('Naam (Engels)').fill('Meeting planned');
    await editDialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editDialog).toHaveCount(0);
    await expect(itemRow(page, RENAMED_STATUS)).toContainText('Meeting planned');
    await expect(itemRow(page, RENAMED_STATUS)).toContainText('1 persoon');
    await page.goto(`/persons/${person.id}`);
    const statusField = page.getByLabel('Leadstatus', { exact: true });
    await expect(statusField.locator('option:checked')).toHaveText(RENAMED_STATUS);

    // Deleting says how many persons hold it; they keep it, marked deleted.
    await page.goto('/admin/lists?list=lead-statuses');
    await page.getByRole('button', { name: `${RENAMED_STATUS} verwijderen` }).click();
    const confirm = page.getByRole('dialog', { name: `Leadstatus ${RENAMED_STATUS} verwijderen?` });
    await expect(confirm).toContainText('Deze leadstatus is in gebruik bij 1 persoon.');
    await saveScreenshot(page, 'admin-lists-delete-confirmation');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(itemRow(page, RENAMED_STATUS)).toHaveCount(0);
    await page.goto(`/persons/${person.id}`);
    await expect(statusField.locator('option:checked')).toHaveText(`${RENAMED_STATUS} (verwijderd)`);
    await saveScreenshot(page, 'admin-person-keeps-deleted-status');

    // Restore brings it back in its place.
    await page.goto('/admin/lists?list=lead-statuses');
    await page.getByLabel('Verwijderde items tonen').check();
    await expect(itemRow(page, RENAMED_STATUS)).toContainText('Verwijderd');
    await itemRow(page, RENAMED_STATUS).getByRole('button', { name: 'Herstellen' }).click();
    await expect(itemRow(page, RENAMED_STATUS).getByRole('button', { name: 'Herstellen' })).toHaveCount(0);
    await page.getByLabel('Verwijderde items tonen').uncheck();
    await expect.poll(() => rowNames(page)).toEqual(['Open', 'Contact opnemen', RENAMED_STATUS, 'Gediskwalificeerd', 'Opnieuw benaderen', 'Gekwalificeerd']);

    // The default status cannot be deleted until another status is the default.
    await expect(page.getByRole('button', { name: 'Open verwijderen' })).toBeDisabled();
    await page.getByRole('button', { name: 'Maak Contact opnemen de standaardstatus' }).click();
    const makeDefault = page.getByRole('dialog', { name: 'Contact opnemen de standaardstatus maken?' });
    await makeDefault.getByRole('button', { name: 'Maak standaard' }).click();
    await expect(itemRow(page, 'Contact opnemen').getByText('Standaard')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open verwijderen' })).toBeEnabled();
    expect((await api.leadStatuses()).find((item) => item.isDefault)?.name).toBe('Contact opnemen');
    await saveScreenshot(page, 'admin-lists-new-default');

    // Other tests expect the default lists: Open is the default again, and the new status is gone.
    await api.makeDefaultLeadStatus(await api.leadStatusId('Open'));
    await api.deleteLeadStatus(statusId);
  });

  test('lead status stays only in Potentiële klant', async ({ page, api }) => {
    const name = uniqueName('Beurscontact');
    const category = await api.createCategory({ name, categoryGroup: 'potentialCustomer', leadStatusEnabled: true });

    await page.goto('/admin/lists');
    await expect(itemRow(page, name)).toContainText('Potentiële klant');
    await page.getByRole('button', { name: `${name} bewerken` }).click();
    const dialog = page.getByRole('dialog', { name: `Categorie ${name} bewerken` });
    await dialog.getByLabel('Categoriegroep').selectOption({ label: 'Klant' });
    await expect(dialog.getByText('Leadstatus kan alleen aan bij de groep Potentiële klant, niet bij Klant.', { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog.getByLabel('Leadstatus inschakelen')).toHaveAttribute('aria-invalid', 'true');
    await saveScreenshot(page, 'admin-lists-category-group-error');
    expect((await api.getCategory(category.id)).categoryGroup).toBe('potentialCustomer');

    // The API refuses the same change.
    const refused = await api.tryUpdateCategory(category.id, { categoryGroup: 'customer', leadStatusEnabled: true, version: (await api.getCategory(category.id)).version });
    expect(refused.status).toBe(422);
    expect(refused.code).toBe('LEAD_STATUS_NOT_ALLOWED_FOR_GROUP');

    // Turning lead status off first makes the move to Klant possible; the unticked box is then disabled.
    await dialog.getByLabel('Leadstatus inschakelen').uncheck();
    await expect(dialog.getByText('Leadstatus uitschakelen')).toBeVisible();
    await expect(dialog.getByLabel('Leadstatus inschakelen')).toBeDisabled();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(itemRow(page, name)).toContainText('Klant');
    expect(await api.getCategory(category.id)).toMatchObject({ categoryGroup: 'customer', leadStatusEnabled: false });
  });
});
