import { readFileSync } from 'node:fs';

import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';
import { columnHeaderNames, filterStartsWith } from './support/list';

test.describe('list export', () => {
  test('exports the person list as shown', async ({ page, api }) => {
    const lastName = uniqueName('Uitvoer');
    const companyName = uniqueName('Uitvoer bv');
    const company = await api.createCompany({ name: companyName, category: 'Lead' });
    await api.createPerson({ firstName: 'Anna', lastName, companyId: company.id, email: 'anna@example.nl' });
    await api.createPerson({ firstName: 'Bram', lastName, companyId: company.id, email: 'bram@example.nl' });

    await page.goto('/persons');
    await page.getByRole('button', { name: 'Kolommen' }).click();
    const chooser = page.getByRole('dialog', { name: 'Kolommen kiezen' });
    await chooser.getByRole('checkbox', { name: 'Achternaam', exact: true }).check();
    await chooser.getByRole('checkbox', { name: 'E-mail', exact: true }).check();
    await chooser.getByRole('checkbox', { name: 'Categorie', exact: true }).uncheck();
    await chooser.getByRole('checkbox', { name: 'Dagen in status', exact: true }).uncheck();
    await chooser.getByRole('button', { name: 'Bedrijf naar rechts' }).click();
    await chooser.getByRole('button', { name: 'Gereed' }).click();
    const headers = ['Naam', 'Leadstatus', 'Bedrijf', 'Onze contactpersoon', 'Achternaam', 'E-mail'];
    await expect.poll(() => columnHeaderNames(page)).toEqual(headers);

    await filterStartsWith(page, 'Achternaam', lastName);
    await expect(page.getByText('2 personen')).toBeVisible();
    const nameHeader = page.getByRole('columnheader', { name: 'Naam', exact: true });
    await nameHeader.getByRole('button', { name: 'Naam', exact: true }).click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');

    await page.getByRole('button', { name: 'Exporteren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Personen exporteren' });
    await expect(dialog).toContainText('2 personen');
    const separators = dialog.getByRole('radio');
    await expect(separators.first()).toHaveAccessibleName(/Puntkomma \(Excel NL\)/);
    await expect(separators.first()).toBeChecked();
    await saveScreenshot(page, 'nl-list-export');

    const download = page.waitForEvent('download');
    await dialog.getByRole('link', { name: 'Downloaden' }).click();
    const file = readFileSync(await (await download).path(), 'utf8');
    await expect(dialog).toBeHidden();

    expect(file.startsWith('\uFEFF')).toBe(true);
    const lines = file.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(headers.join(';'));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`Bram ${lastName};Open;${companyName};;${lastName};bram@example.nl`);
    expect(lines[2]).toMatch(new RegExp(`^Anna ${lastName};`));
  });

  test('exports only the ticked rows', async ({ page, api }) => {
    const lastName = uniqueName('Aangevinkt');
    const companyName = uniqueName('Vinkjes bv');
    const company = await api.createCompany({ name: companyName, category: 'Lead' });
    for (const firstName of ['Anna', 'Bram', 'Cor']) await api.createPerson({ firstName, lastName, companyId: company.id });

    await page.goto('/persons');
    await filterStartsWith(page, 'Bedrijf', companyName);
    await expect(page.getByText('3 personen')).toBeVisible();
    await page.getByRole('checkbox', { name: `Anna ${lastName} aanvinken` }).check();
    await page.getByRole('checkbox', { name: `Cor ${lastName} aanvinken` }).check();

    await page.getByRole('button', { name: 'Exporteren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Personen exporteren' });
    await expect(dialog.getByRole('radio', { name: 'Alleen de aangevinkte rijen (2 personen)' })).toBeChecked();
    await expect(dialog).toContainText('Het CSV-bestand bevat de aangevinkte rijen (2 personen)');
    await saveScreenshot(page, 'nl-list-export-ticked');

    const download = page.waitForEvent('download');
    await dialog.getByRole('link', { name: 'Downloaden' }).click();
    const lines = readFileSync(await (await download).path(), 'utf8').slice(1).trimEnd().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual([`Anna ${lastName}`, `Cor ${lastName}`]);

    await page.getByRole('button', { name: 'Exporteren' }).click();
    await dialog.getByRole('radio', { name: 'Alle 3 personen van de lijst' }).check();
    const all = page.waitForEvent('download');
    await dialog.getByRole('link', { name: 'Downloaden' }).click();
    expect(readFileSync(await (await all).path(), 'utf8').slice(1).trimEnd().split('\r\n')).toHaveLength(4);
  });

  test('says that groups stay out of the file', async ({ page }) => {
    await page.goto('/persons');
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Personen exporteren' });
    await expect(dialog).not.toContainText('groepering');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();

    await page.getByLabel('Groeperen op').selectOption({ label: 'Leadstatus' });
    await page.getByRole('button', { name: 'Exporteren' }).click();
    await expect(dialog).toContainText('De groepering komt niet in het bestand');
  });

  test('exports a company list in English with commas', async ({ page, api }) => {
    await api.createCompany({ name: uniqueName('Export ltd'), category: 'Lead', city: 'Utrecht' });
    await api.setLanguage('en');

    await page.goto('/companies');
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export companies' });
    await expect(dialog.getByRole('radio').first()).toHaveAccessibleName(/Comma/);
    await expect(dialog.getByRole('radio', { name: /Comma/ })).toBeChecked();
    await saveScreenshot(page, 'en-list-export');

    const download = page.waitForEvent('download');
    await dialog.getByRole('link', { name: 'Download' }).click();
    const file = readFileSync(await (await download).path(), 'utf8');
    expect(file.startsWith('\uFEFF')).toBe(true);
    expect(file.slice(1).split('\r\n')[0]).toBe('Name,Category,Category group,City,Our contact');
  });
});
