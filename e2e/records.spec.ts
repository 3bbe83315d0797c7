import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';

test.describe('company form', () => {
  test('shows field messages in Dutch', async ({ page }) => {
    await page.goto('/companies');
    await page.getByRole('button', { name: 'Nieuw bedrijf' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw bedrijf' });
    await dialog.getByLabel('Postcode').fill('1234 AB 5678 CD 9012 EF');
    await dialog.getByRole('button', { name: 'Bedrijf toevoegen' }).click();

    await expect(dialog.getByRole('textbox', { name: 'Naam', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('textbox', { name: 'Naam', exact: true })).toHaveAccessibleDescription('Vul dit veld in.');
    await expect(dialog.getByLabel('Postcode')).toHaveAccessibleDescription('Gebruik maximaal 20 tekens.');
    await saveScreenshot(page, 'nl-company-form-errors');
  });

  test('deletes a company after confirmation', async ({ page, api }) => {
    const name = uniqueName('Verwijder mij');
    const company = await api.createCompany({ name, category: 'Lead' });
    await page.goto(`/companies/${company.id}`);
    await page.getByRole('button', { name: 'Verwijderen' }).click();
    const confirmation = page.getByRole('dialog', { name: `${name} verwijderen?` });
    await expect(confirmation).toContainText('Het bedrijf en zijn personen verdwijnen uit lijsten');
    await confirmation.getByRole('button', { name: 'Verwijderen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Bedrijven' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `Bedrijf ${name} verwijderd` })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

    await page.goto(`/companies/${company.id}`);
    const notice = page.getByRole('status').filter({ hasText: 'Dit bedrijf is verwijderd' });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
    await notice.getByRole('button', { name: 'Herstellen' }).click();
    await expect(notice).toBeHidden();
    await expect(page.getByRole('button', { name: 'Bewerken' })).toBeVisible();
  });
});

test.describe('company card', () => {
  test('lists the lead status history of its persons', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Historie'), category: 'Lead' });
    const lastName = uniqueName('Historie');
    const person = await api.createPerson({ firstName: 'Lotte', lastName, companyId: company.id });
    await api.updatePerson(person.id, person.version, { leadStatusId: await api.leadStatusId('Gekwalificeerd') });

    await page.goto(`/companies/${company.id}`);
    await page.getByRole('tab', { name: 'Leadstatushistorie' }).click();
    const history = page.getByRole('table', { name: /Wijzigingen van de leadstatus/ });
    const rows = history.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText(`Lotte ${lastName}`);
    await expect(rows.nth(1)).toContainText('Gekwalificeerd');
    await expect(rows.nth(2)).toContainText('Open');
    await saveScreenshot(page, 'nl-company-history');
  });

  test('wraps a long name without spaces', async ({ page, api }) => {
    const name = `Banketbakkerij${'Z'.repeat(186)}`;
    const company = await api.createCompany({ name, category: 'Lead' });
    await page.goto(`/companies/${company.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

    const viewportWidth = page.viewportSize()!.width;
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(title!.x + title!.width).toBeLessThanOrEqual(viewportWidth);
    const breadcrumb = await page.getByRole('navigation', { name: 'Kruimelpad' }).boundingBox();
    expect(breadcrumb!.x + breadcrumb!.width).toBeLessThanOrEqual(viewportWidth);
    await expect(page.getByRole('button', { name: 'Bewerken' })).toBeInViewport();
    expect(await page.locator('.main').evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    await saveScreenshot(page, 'nl-company-long-name');
  });

  test('explains an empty history', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Geen historie'), category: 'Klant' });
    await page.goto(`/companies/${company.id}?tab=history`);
    await expect(page.getByRole('tab', { name: 'Leadstatushistorie' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText('Nog geen wijzigingen van de leadstatus')).toBeVisible();
    await expect(page.getByText('Kies een categorie met leadstatus')).toBeVisible();
  });
});

test.describe('conflicts', () => {
  test('saves own changes over a newer version', async ({ page, api }) => {
    const name = uniqueName('Conflict');
    const company = await api.createCompany({ name, category: 'Lead', city: 'Utrecht' });
    await page.goto(`/companies/${company.id}`);
    await page.getByRole('button', { name: 'Bewerken' }).click();
    const dialog = page.getByRole('dialog', { name: `${name} bewerken` });
    await dialog.getByLabel('Telefoon').fill('030 123 4567');

    await api.updateCompany(company.id, company.version, { city: 'Amersfoort' });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();

    const notice = dialog.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit intussen gewijzigd' });
    await expect(notice).toContainText('Door de ander gewijzigd: Plaats.');
    await expect(dialog.getByLabel('Telefoon')).toHaveValue('030 123 4567');
    await saveScreenshot(page, 'nl-conflict');

    await notice.getByRole('button', { name: 'Mijn wijzigingen toch opslaan' }).click();
    await expect(dialog).toBeHidden();
    const details = page.getByRole('region', { name: 'Bedrijfsgegevens' });
    await expect(details).toContainText('030 123 4567');
    await expect(details).toContainText('Amersfoort');
  });

  test('loads the newer version on request', async ({ page, api }) => {
    const name = uniqueName('Herladen');
    const company = await api.createCompany({ name, category: 'Lead', city: 'Utrecht' });
    await page.goto(`/companies/${company.id}`);
    await page.getByRole('button', { name: 'Bewerken' }).click();
    const dialog = page.getByRole('dialog', { name: `${name} bewerken` });
    await dialog.getByLabel('Plaats').fill('Zwolle');

    await api.updateCompany(company.id, company.version, { city: 'Amersfoort' });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect(dialog.getByLabel('Plaats')).toHaveValue('Amersfoort');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
  });

  test('keeps a picked lead status after a conflict', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Statusconflict'), category: 'Lead' });
    const person = await api.createPerson({ firstName: 'Piet', lastName: uniqueName('Conflict'), companyId: company.id });
    await page.goto(`/persons/${person.id}`);
    const picker = page.getByRole('combobox', { name: 'Leadstatus' });
    await expect(picker.locator('option:checked')).toHaveText('Open');

    await api.updatePerson(person.id, person.version, { jobTitle: 'Inkoper' });
    await picker.selectOption({ label: 'Contact opnemen' });
    const warning = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze persoon intussen gewijzigd' });
    await expect(warning).toBeVisible();
    await expect(picker.locator('option:checked')).toHaveText('Contact opnemen');

    await warning.getByRole('button', { name: 'Toch opslaan' }).click();
    await expect(warning).toBeHidden();
    await expect.poll(async () => (await api.getPerson(person.id)).leadStatus?.name).toBe('Contact opnemen');
    await expect(page.getByText('Inkoper')).toBeVisible();
  });
});

test.describe('person card', () => {
  test('saves a keyboard status change once', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Pijltjes'), category: 'Lead' });
    const person = await api.createPerson({ firstName: 'Pim', lastName: uniqueName('Pijltjes'), companyId: company.id });
    await page.goto(`/persons/${person.id}`);
    const picker = page.getByRole('combobox', { name: 'Leadstatus' });
    const history = page.getByRole('table', { name: /Wijzigingen van de leadstatus/ });
    await expect(picker.locator('option:checked')).toHaveText('Open');
    await expect(history.getByRole('row')).toHaveCount(2);

    // Open, Contact opnemen, Gediskwalificeerd, Opnieuw benaderen, Gekwalificeerd.
    await picker.focus();
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowDown');
    await expect(picker.locator('option:checked')).toHaveText('Gekwalificeerd');
    await expect(page.getByText('Druk op Enter of kies Opslaan om Gekwalificeerd op te slaan.', { exact: false })).toBeVisible();
    expect((await api.getPerson(person.id)).leadStatus?.name).toBe('Open');

    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Leadstatus gewijzigd in Gekwalificeerd' })).toBeVisible();
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history.getByRole('row').nth(1)).toContainText('Gekwalificeerd');
    await expect(history.getByRole('row').nth(2)).toContainText('Open');
    await saveScreenshot(page, 'nl-person-status-saved');
  });

  test('drops a keyboard status draft with Escape', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Escape'), category: 'Lead' });
    const person = await api.createPerson({ firstName: 'Eva', lastName: uniqueName('Escape'), companyId: company.id });
    await page.goto(`/persons/${person.id}`);
    const picker = page.getByRole('combobox', { name: 'Leadstatus' });
    await expect(picker.locator('option:checked')).toHaveText('Open');

    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('button', { name: 'Opslaan' })).toBeVisible();
    await saveScreenshot(page, 'nl-person-status-draft');
    await page.keyboard.press('Escape');
    await expect(picker.locator('option:checked')).toHaveText('Open');
    await expect(page.getByRole('button', { name: 'Opslaan' })).toHaveCount(0);
    await picker.blur();
    expect((await api.getPerson(person.id)).leadStatus?.name).toBe('Open');
  });

  test('explains a missing company', async ({ page, api }) => {
    const person = await api.createPerson({ firstName: 'Solo', lastName: uniqueName('Zonder bedrijf') });
    await page.goto(`/persons/${person.id}`);
    await expect(page.getByText('Geen leadstatus: deze persoon hoort niet bij een bedrijf.')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Leadstatus' })).toHaveCount(0);
  });

  test('explains a company without category', async ({ page, api }) => {
    const companyName = uniqueName('Zonder categorie');
    const company = await api.createCompany({ name: companyName });
    const person = await api.createPerson({ firstName: 'Kees', lastName: uniqueName('Geen categorie'), companyId: company.id });
    await page.goto(`/persons/${person.id}`);
    await expect(page.getByText(`Geen leadstatus: bedrijf ${companyName} heeft geen categorie.`)).toBeVisible();
  });

  test('creates a person with a company picked by name', async ({ page, api }) => {
    const companyName = uniqueName('Kiesbaar');
    await api.createCompany({ name: companyName, category: 'Opportunity' });
    const lastName = uniqueName('Nieuw');
    await page.goto('/persons');
    await page.getByRole('button', { name: 'Nieuwe persoon' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe persoon' });
    await dialog.getByLabel('Achternaam').fill(lastName);
    await dialog.getByLabel('E-mail').fill('geen-adres');
    await dialog.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await expect(dialog.getByLabel('E-mail')).toHaveAccessibleDescription('Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.');
    await dialog.getByLabel('E-mail').fill('nieuw@kiesbaar.nl');

    const picker = dialog.getByRole('combobox', { name: 'Bedrijf' });
    await picker.fill(companyName);
    await page.getByRole('option', { name: companyName }).click();
    await expect(picker).toHaveValue(companyName);
    await dialog.getByRole('button', { name: 'Persoon toevoegen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: lastName })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Leadstatus' }).locator('option:checked')).toHaveText('Open');
  });
});
