import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';
import { columnHeaderNames, filterList, filterStartsWith, firstColumnTexts } from './support/list';

test.describe('company list', () => {
  test('sorts by a header click', async ({ page, api }) => {
    const prefix = uniqueName('Sorteer');
    for (const suffix of ['Beta', 'alfa', 'Gamma']) await api.createCompany({ name: `${prefix} ${suffix}`, category: 'Lead' });

    await page.goto('/companies');
    await filterStartsWith(page, 'Naam', prefix);
    await expect(page.getByText('3 bedrijven')).toBeVisible();

    const nameHeader = page.getByRole('columnheader', { name: 'Naam' });
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => firstColumnTexts(page)).toEqual([`${prefix} alfa`, `${prefix} Beta`, `${prefix} Gamma`]);

    await nameHeader.getByRole('button', { name: 'Naam', exact: true }).click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => firstColumnTexts(page)).toEqual([`${prefix} Gamma`, `${prefix} Beta`, `${prefix} alfa`]);

    await page.getByRole('columnheader', { name: 'Plaats' }).getByRole('button', { name: 'Plaats', exact: true }).click();
    await expect(page.getByRole('columnheader', { name: 'Plaats' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(nameHeader).not.toHaveAttribute('aria-sort', /.+/);
  });

  test('keeps chosen columns after a reload', async ({ page }) => {
    await page.goto('/companies');
    await expect(page.getByRole('columnheader', { name: 'Leadstatus ingeschakeld' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Kolommen' }).click();
    const chooser = page.getByRole('dialog', { name: 'Kolommen kiezen' });
    await chooser.getByLabel('Kolommen filteren').fill('lead');
    await chooser.getByRole('checkbox', { name: 'Leadstatus ingeschakeld' }).check();
    await chooser.getByRole('button', { name: 'Plaats naar links' }).click();
    await saveScreenshot(page, 'nl-column-chooser');
    await chooser.getByRole('button', { name: 'Gereed' }).click();

    await expect(page.getByRole('columnheader', { name: 'Leadstatus ingeschakeld' })).toBeVisible();
    const expected = ['Naam', 'Categorie', 'Plaats', 'Categoriegroep', 'Onze contactpersoon', 'Leadstatus ingeschakeld'];
    await expect.poll(() => columnHeaderNames(page)).toEqual(expected);

    // The layout is saved shortly after the last change; leaving the list saves it at once.
    await page.getByRole('link', { name: 'Personen', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Personen' })).toBeVisible();
    await page.goto('/companies');
    await expect.poll(() => columnHeaderNames(page)).toEqual(expected);
  });

  test('resizes a column with the keyboard', async ({ page }) => {
    await page.goto('/companies');
    const handle = page.getByRole('separator', { name: 'Breedte van kolom Plaats' });
    const before = Number(await handle.getAttribute('aria-valuenow'));
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(handle).toHaveAttribute('aria-valuenow', String(before + 32));
    const box = await page.getByRole('columnheader', { name: 'Plaats' }).boundingBox();
    expect(box?.width).toBe(before + 32);
  });

  test('explains an empty filter result', async ({ page }) => {
    await page.goto('/companies');
    await filterStartsWith(page, 'Naam', uniqueName('Bestaat niet'));
    await expect(page.getByText('Niets gevonden met deze filters')).toBeVisible();
    await expect(page.getByText('0 bedrijven')).toBeVisible();
    await saveScreenshot(page, 'nl-companies-no-match');
    await page.getByRole('button', { name: 'Alle filters wissen' }).first().click();
    await expect(page.getByText('Niets gevonden met deze filters')).toBeHidden();
  });
});

test.describe('person list', () => {
  test('keeps empty values with "is niet een van"', async ({ page, api }) => {
    const lastName = uniqueName('Leegtest');
    const company = await api.createCompany({ name: uniqueName('Leegtest bv'), category: 'Lead' });
    await api.createPerson({ firstName: 'Met', lastName, companyId: company.id });
    await api.createPerson({ firstName: 'Zonder', lastName, companyId: null });

    await page.goto('/persons');
    await page.getByRole('button', { name: 'Kolommen' }).click();
    await page.getByRole('dialog', { name: 'Kolommen kiezen' }).getByRole('checkbox', { name: 'Achternaam' }).check();
    await page.getByRole('button', { name: 'Gereed' }).click();
    await filterStartsWith(page, 'Achternaam', lastName);
    await expect(page.getByText('2 personen')).toBeVisible();

    await filterList(page, 'Leadstatus', 'Is niet een van', ['Open']);
    await expect(page.getByText('1 persoon')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Zonder ${lastName}`) })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Leadstatus is niet een van Open' })).toBeVisible();
    await saveScreenshot(page, 'nl-persons-not-one-of');

    await filterList(page, 'Leadstatus', 'Is een van', ['(geen waarde)']);
    await expect(page.getByText('1 persoon')).toBeVisible();
  });

  test('groups with a "(geen waarde)" group', async ({ page, api }) => {
    const lastName = uniqueName('Groepeer');
    const company = await api.createCompany({ name: uniqueName('Groepeer bv'), category: 'Lead' });
    await api.createPerson({ firstName: 'Eerste', lastName, companyId: company.id });
    await api.createPerson({ firstName: 'Tweede', lastName, companyId: company.id });
    await api.createPerson({ firstName: 'Derde', lastName, companyId: null });

    await page.goto('/persons');
    await page.getByRole('button', { name: 'Kolommen' }).click();
    await page.getByRole('dialog', { name: 'Kolommen kiezen' }).getByRole('checkbox', { name: 'Achternaam' }).check();
    await page.getByRole('button', { name: 'Gereed' }).click();
    await filterStartsWith(page, 'Achternaam', lastName);
    await page.getByLabel('Groeperen op').selectOption({ label: 'Leadstatus' });

    const openGroup = page.getByRole('button', { name: /Leadstatus: Open\s*2/ });
    const emptyGroup = page.getByRole('button', { name: /Leadstatus: \(geen waarde\)\s*1/ });
    await expect(openGroup).toBeVisible();
    await expect(emptyGroup).toBeVisible();
    await expect(page.getByText('3 personen')).toBeVisible();

    await emptyGroup.click();
    await expect(emptyGroup).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('row', { name: new RegExp(`Derde ${lastName}`) })).toBeVisible();

    await page.getByLabel('daarna op').selectOption({ label: 'Categorie' });
    const openLead = page.getByRole('button', { name: /Leadstatus: Open\s*2/ });
    await openLead.click();
    await expect(page.getByRole('button', { name: /Categorie: Lead\s*2/ })).toBeVisible();
    await saveScreenshot(page, 'nl-persons-grouped');
  });

  test('keeps names in view in a scrolled group', async ({ page, api }) => {
    const lastName = uniqueName('Zijwaarts');
    await api.createPerson({ firstName: 'Zara', lastName });

    await page.goto('/persons');
    await page.getByRole('button', { name: 'Kolommen' }).click();
    const chooser = page.getByRole('dialog', { name: 'Kolommen kiezen' });
    for (const column of ['Achternaam', 'E-mail', 'Telefoon', 'Mobiel']) await chooser.getByRole('checkbox', { name: column, exact: true }).check();
    await page.getByRole('button', { name: 'Gereed' }).click();
    await filterStartsWith(page, 'Achternaam', lastName);
    await page.getByLabel('Groeperen op').selectOption({ label: 'Leadstatus' });
    await page.getByRole('button', { name: /Leadstatus: \(geen waarde\)\s*1/ }).click();
    const nameCell = page.getByRole('row', { name: new RegExp(`Zara ${lastName}`) }).getByRole('cell').first();
    await expect(nameCell).toBeVisible();

    const table = page.getByRole('table', { name: 'Personen' });
    await table.evaluate((element) => element.scrollTo({ left: 600 }));
    await expect.poll(() => table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(300);
    const header = await page.getByRole('columnheader', { name: 'Naam', exact: true }).boundingBox();
    await expect.poll(async () => (await nameCell.boundingBox())?.x).toBe(header?.x);
    await expect(nameCell).toContainText(`Zara ${lastName}`);
    await saveScreenshot(page, 'nl-persons-grouped-scrolled');
  });

  test('fits the default columns at 1280 pixels', async ({ page }) => {
    for (const [path, name] of [['/persons', 'Personen'], ['/companies', 'Bedrijven']] as const) {
      await page.goto(path);
      const table = page.getByRole('table', { name });
      await expect(table.getByRole('columnheader').first()).toBeVisible();
      const overflow = await table.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expect(page.locator('.list-frame')).not.toHaveClass(/list-frame-more-right/);
    }
  });

  test('shows columns beyond the right edge', async ({ page }) => {
    await page.goto('/persons');
    const table = page.getByRole('table', { name: 'Personen' });
    const frame = page.locator('.list-frame');
    await page.getByRole('button', { name: 'Kolommen' }).click();
    const chooser = page.getByRole('dialog', { name: 'Kolommen kiezen' });
    for (const column of ['Functie', 'E-mail', 'Geregistreerd op']) await chooser.getByRole('checkbox', { name: column, exact: true }).check();
    await page.getByRole('button', { name: 'Gereed' }).click();
    await expect(page.getByRole('columnheader', { name: 'Geregistreerd op' })).toHaveCount(1);
    await expect(frame).toHaveClass(/list-frame-more-right/);

    await table.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await expect(frame).not.toHaveClass(/list-frame-more-right/);
    const tableBox = await table.boundingBox();
    const lastHeader = await page.getByRole('columnheader', { name: 'Geregistreerd op' }).boundingBox();
    expect(lastHeader!.x + lastHeader!.width).toBeLessThanOrEqual(tableBox!.x + tableBox!.width);
    expect(tableBox!.y + tableBox!.height).toBeLessThanOrEqual(800);
  });

  test('loads more rows while scrolling', async ({ page, api }) => {
    const lastName = uniqueName('Scroll');
    const count = 130;
    for (let start = 0; start < count; start += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, count - start) }, (_, offset) =>
          api.createPerson({ firstName: `Nr ${String(start + offset).padStart(3, '0')}`, lastName }),
        ),
      );
    }

    await page.goto('/persons');
    await page.getByRole('button', { name: 'Kolommen' }).click();
    await page.getByRole('dialog', { name: 'Kolommen kiezen' }).getByRole('checkbox', { name: 'Achternaam' }).check();
    await page.getByRole('button', { name: 'Gereed' }).click();
    await filterStartsWith(page, 'Achternaam', lastName);
    await expect(page.getByText('130 personen')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Personen' })).toHaveAttribute('aria-rowcount', '131');

    const lastRow = page.getByRole('row', { name: new RegExp(`Nr 129 ${lastName}`) });
    await expect(lastRow).toHaveCount(0);
    const scroller = page.getByRole('table', { name: 'Personen' });
    await expect(async () => {
      await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await expect(lastRow).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(lastRow).toHaveAttribute('aria-rowindex', '131');
  });
});

test.describe('company contacts tab', () => {
  test('opens a one-person group', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Groep van een'), category: 'Lead' });
    await api.createPerson({ firstName: 'Open', lastName: 'Persoon', companyId: company.id });
    const qualified = await api.createPerson({ firstName: 'Enige', lastName: 'Gekwalificeerde', companyId: company.id });
    await api.updatePerson(qualified.id, qualified.version, { leadStatusId: await api.leadStatusId('Gekwalificeerd') });

    await page.goto(`/companies/${company.id}`);
    await page.getByLabel('Groeperen op').selectOption({ label: 'Leadstatus' });
    const qualifiedGroup = page.getByRole('button', { name: /Leadstatus: Gekwalificeerd\s*1/ });
    await qualifiedGroup.click();
    await expect(qualifiedGroup).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('row', { name: /Enige Gekwalificeerde/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Open Persoon/ })).toHaveCount(0);
    await saveScreenshot(page, 'nl-company-contacts-group-open');
  });
});
