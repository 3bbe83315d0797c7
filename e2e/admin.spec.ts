import { request as playwrightRequest, type Locator, type Page, type Route } from '@playwright/test';

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
    const company = await api.createCompany({ name: uniqueName('Bakkerij Zonneveld'), category: 'Lead' });
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

    // The person card of a person with the status shows the new name.
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

    // The delete confirmation shows how many persons have the status; they keep it, marked deleted.
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
    await page.getByRole('button', { name: `${RENAMED_STATUS} herstellen` }).click();
    await expect(page.getByRole('button', { name: `${RENAMED_STATUS} herstellen` })).toHaveCount(0);
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
    await expect(itemRow(page, 'Klant')).toContainText('0 bedrijven');
    await saveScreenshot(page, 'admin-lists-categories');
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

/** Signs in through the API in a new request context and returns it with its CSRF token. */
async function signInByApi(baseURL: string, email: string, password: string) {
  const context = await playwrightRequest.newContext({ baseURL });
  const response = await context.post('/api/auth/login', { data: { email, password } });
  return { context, response, csrfToken: response.ok() ? ((await response.json()) as { csrfToken: string }).csrfToken : '' };
}

test.describe('Beheer: access', () => {
  test('non-administrator gets no Beheer', async ({ browser, api, baseURL }) => {
    const email = `${uniqueName('verkoper').replace(/\s+/g, '.').toLowerCase()}@trechter.test`;
    const password = 'verkoper-wachtwoord-2026';
    await api.createUser({ name: 'Sanne Verkoop', email, password, role: 'user' });

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bedrijven' })).toBeVisible();
    const navigation = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(navigation.getByRole('link', { name: 'Bedrijven' })).toBeVisible();
    await expect(navigation).not.toContainText('Beheer');
    await expect(navigation.getByRole('link', { name: 'Lijsten' })).toHaveCount(0);

    await page.goto('/admin/lists');
    await expect(page.getByText('Alleen beheerders hebben toegang tot Beheer')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Leadstatus toevoegen' })).toHaveCount(0);
    await saveScreenshot(page, 'admin-access-denied');
    await context.close();

    const user = await signInByApi(baseURL ?? '', email, password);
    expect(user.response.ok()).toBe(true);
    const refused = await user.context.post('/api/lead-statuses', { data: { nameNl: uniqueName('Niet toegestaan') }, headers: { 'X-CSRF-Token': user.csrfToken } });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('FORBIDDEN');
    await user.context.dispose();
  });
});

test.describe('Beheer: concurrent edits', () => {
  test('category edit after another save', async ({ page, api }) => {
    const name = uniqueName('Beursbezoeker');
    const category = await api.createCategory({ name, categoryGroup: 'potentialCustomer', leadStatusEnabled: true });

    await page.goto('/admin/lists');
    await page.getByRole('button', { name: `${name} bewerken` }).click();
    const dialog = page.getByRole('dialog', { name: `Categorie ${name} bewerken` });
    await dialog.getByLabel('Naam (Engels)').fill('Trade fair visitor');

    // Someone else saves a description while the dialog is open.
    const other = await api.tryUpdateCategory(category.id, { descriptionNl: 'Ontmoet op een beurs', version: (await api.getCategory(category.id)).version });
    expect(other.status).toBe(200);

    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog.getByText('Iemand anders heeft dit intussen gewijzigd')).toBeVisible();
    await expect(dialog.getByText('Door de ander gewijzigd: Omschrijving (Nederlands).')).toBeVisible();
    await dialog.getByRole('button', { name: 'Mijn wijzigingen toch opslaan' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(itemRow(page, name)).toContainText('Trade fair visitor');
    await expect(itemRow(page, name)).toContainText('Ontmoet op een beurs');
  });
});

test.describe('Beheer: users', () => {
  test('user created, reset, deactivated', async ({ page, api, baseURL }) => {
    const name = uniqueName('Daan de Vries');
    const email = `${uniqueName('daan').replace(/\s+/g, '.').toLowerCase()}@trechter.test`;

    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
    await expect(page.getByRole('button', { name: `${ADMIN_NAME} deactiveren` })).toBeDisabled();
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
    await dialog.getByLabel('Naam').fill(name);
    await dialog.getByLabel('E-mailadres').fill(email);
    await dialog.getByLabel('Taal').selectOption({ label: 'English' });
    await dialog.getByLabel('Eerste wachtwoord').fill('kort');
    await dialog.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await expect(dialog.getByText('Gebruik minstens 10 tekens.')).toBeVisible();
    await dialog.getByLabel('Eerste wachtwoord').fill('eerste-wachtwoord-2026');
    await dialog.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await expect(dialog).toHaveCount(0);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(email);
    await expect(row).toContainText('Gebruiker');
    await expect(row).toContainText('English');
    await expect(row).toContainText('Actief');
    expect((await api.users()).find((user) => user.email === email)).toMatchObject({ name, role: 'user', active: true });
    await saveScreenshot(page, 'admin-users');

    // A reset password works at the next sign-in.
    await page.getByRole('button', { name: `Wachtwoord van ${name} opnieuw instellen` }).click();
    const reset = page.getByRole('dialog', { name: `Wachtwoord van ${name} opnieuw instellen` });
    await reset.getByLabel('Nieuw wachtwoord').fill('nieuw-wachtwoord-2026');
    await reset.getByLabel('Herhaal het nieuwe wachtwoord').fill('nieuw-wachtwoord-2026');
    await reset.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect(reset).toHaveCount(0);
    const signedIn = await signInByApi(baseURL ?? '', email, 'nieuw-wachtwoord-2026');
    expect(signedIn.response.ok()).toBe(true);
    await signedIn.context.dispose();

    // Deactivating needs a confirmation; the user can then no longer sign in.
    await page.getByRole('button', { name: `${name} deactiveren` }).click();
    const confirm = page.getByRole('dialog', { name: `${name} deactiveren?` });
    await confirm.getByRole('button', { name: 'Deactiveren' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toContainText('Gedeactiveerd');
    await expect(row.getByRole('button', { name: `${name} activeren` })).toBeVisible();
    expect((await api.users()).find((user) => user.email === email)?.active).toBe(false);
    const refused = await signInByApi(baseURL ?? '', email, 'nieuw-wachtwoord-2026');
    expect(refused.response.status()).toBe(401);
    await refused.context.dispose();
  });

  test('API token created and revoked', async ({ page, api, baseURL, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const name = uniqueName('Website-formulier');

    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Token maken' }).click();
    const dialog = page.getByRole('dialog', { name: 'API-token maken' });
    await dialog.getByLabel('Naam').fill(name);
    await dialog.getByRole('button', { name: 'Token maken' }).click();
    const created = page.getByRole('dialog', { name: `Token ${name} is gemaakt` });
    await expect(created.getByText('Dit is de enige keer dat het token wordt getoond.', { exact: false })).toBeVisible();
    const secret = await created.getByLabel('Token').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await created.getByRole('button', { name: 'Kopiëren' }).click();
    await expect(created.getByText('Het token is gekopieerd naar het klembord.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await saveScreenshot(page, 'admin-token-created');
    await created.getByRole('button', { name: 'Ik heb het token bewaard' }).click();

    const bearer = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
    expect((await bearer.get('/api/auth/me')).status()).toBe(200);

    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Actief');
    await row.getByRole('button', { name: `Token ${name} intrekken` }).click();
    const confirm = page.getByRole('dialog', { name: `Token ${name} intrekken?` });
    await confirm.getByRole('button', { name: 'Intrekken' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toContainText('Ingetrokken op');
    expect((await api.apiTokens()).find((token) => token.name === name)?.revokedAt).not.toBeNull();
    expect((await bearer.get('/api/auth/me')).status()).toBe(401);
    await bearer.dispose();
  });
});

/** Rules as the automation API returns them, all switched off. */
function automationRules(version: number) {
  return {
    version,
    rules: ['leadStatusSet', 'saleRegistered', 'saleSold', 'saleLost'].map((trigger) => ({
      trigger,
      enabled: false,
      leadStatusId: null,
      targetCategoryId: null,
      askConfirmation: false,
    })),
  };
}

async function fulfilJson(route: Route, status: number, body: unknown): Promise<void> {
  await route.fulfill({ status, contentType: status >= 400 ? 'application/problem+json' : 'application/json', body: JSON.stringify(body) });
}

// NOTE: these two screens run against routed responses that follow the API contract of
// /api/automation-rules and /api/audit-log, because this build's server does not serve them yet.
test.describe('Beheer: automation and audit log', () => {
  test('automation rule needs a target', async ({ page, api }) => {
    const saved: unknown[] = [];
    await page.route('**/api/automation-rules', async (route) => {
      if (route.request().method() === 'GET') return fulfilJson(route, 200, automationRules(3));
      const body = route.request().postDataJSON() as { rules: unknown[]; version: number };
      saved.push(body);
      if (saved.length === 1) {
        return fulfilJson(route, 422, {
          status: 422,
          title: 'Unprocessable Entity',
          code: 'VALIDATION_FAILED',
          detail: 'rules/2/targetCategoryId: category is deleted',
          fields: [{ field: '/rules/2/targetCategoryId', message: 'deleted', code: 'deletedItem' }],
        });
      }
      return fulfilJson(route, 200, { rules: body.rules, version: 4 });
    });

    await page.goto('/admin/automation');
    await expect(page.getByRole('heading', { level: 1, name: 'Automatische categorisering' })).toBeVisible();
    await expect(page.getByText('Een Klant wordt dus nooit teruggezet.', { exact: false })).toBeVisible();
    const sold = page.getByRole('region', { name: 'Verkoop gewonnen' });
    await sold.getByRole('switch', { name: 'Regel aan: Verkoop gewonnen' }).check();
    await expect(sold.getByText('Kies een categorie, of zet de regel uit.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Opslaan' })).toBeDisabled();
    await sold.getByLabel('Nieuwe categorie van het bedrijf').selectOption({ label: 'Klant' });
    await sold.getByLabel('Vraag om bevestiging').check();
    await expect(page.getByRole('button', { name: 'Opslaan' })).toBeEnabled();

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(sold.getByText('Deze keuze is verwijderd. Kies een andere.')).toBeVisible();
    await saveScreenshot(page, 'admin-automation');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('De regels voor automatische categorisering zijn opgeslagen.')).toBeVisible();
    await expect(sold.getByText('Deze keuze is verwijderd. Kies een andere.')).toHaveCount(0);

    const klant = await api.categoryId('Klant');
    expect(saved[1]).toMatchObject({
      version: 3,
      rules: [
        { trigger: 'leadStatusSet', enabled: false },
        { trigger: 'saleRegistered', enabled: false },
        { trigger: 'saleSold', enabled: true, targetCategoryId: klant, askConfirmation: true },
        { trigger: 'saleLost', enabled: false },
      ],
    });
  });

  test('automation screen without server support', async ({ page }) => {
    await page.route('**/api/automation-rules', (route) =>
      fulfilJson(route, 404, { status: 404, title: 'Not Found', code: 'NOT_FOUND', detail: 'no route for GET /api/automation-rules' }),
    );
    await page.goto('/admin/automation');
    await expect(page.getByText('Automatische categorisering is niet beschikbaar')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
  });

  test('audit log pages and filters', async ({ page }) => {
    const requests: URL[] = [];
    await page.route('**/api/audit-log?*', async (route) => {
      const url = new URL(route.request().url());
      requests.push(url);
      if (url.searchParams.get('cursor') === 'next') {
        return fulfilJson(route, 200, {
          items: [{ id: 1, at: '2026-11-30T08:00:00Z', user: null, entity: 'leadStatus', entityId: 0, action: 'reorder', changes: { ids: [1, 3, 2] } }],
          nextCursor: null,
        });
      }
      return fulfilJson(route, 200, {
        items: [
          { id: 3, at: '2026-12-04T13:05:00Z', user: { id: 1, name: ADMIN_NAME }, entity: 'category', entityId: 7, action: 'update', changes: { nameNl: { old: 'Lead', new: 'Nieuwe lead' }, leadStatusEnabled: { old: true, new: false } } },
          { id: 2, at: '2026-12-03T09:30:00Z', user: { id: 1, name: ADMIN_NAME }, entity: 'person', entityId: 42, action: 'create', changes: { lastName: 'Jansen', companyId: 7 } },
        ],
        nextCursor: 'next',
      });
    });

    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
    const first = page.getByRole('row').filter({ hasText: 'Categorie 7 · gewijzigd' });
    await expect(first).toContainText(/04-12-2026,? 14:05/);
    await expect(first).toContainText(ADMIN_NAME);
    await expect(first).toContainText('Naam (Nederlands): Lead → Nieuwe lead');
    await expect(first).toContainText('Leadstatus ingeschakeld: Ja → Nee');
    const second = page.getByRole('row').filter({ hasText: 'Persoon 42 · aangemaakt' });
    await expect(second).toContainText('Achternaam: Jansen');
    await expect(second).toContainText('Bedrijf: 7');

    await page.getByRole('button', { name: 'Meer laden' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Leadstatus (hele lijst) · volgorde gewijzigd' })).toContainText('Volgorde: [1,3,2]');
    await expect(page.getByRole('button', { name: 'Meer laden' })).toHaveCount(0);
    await saveScreenshot(page, 'admin-audit-log');

    await page.getByLabel('Soort').selectOption({ label: 'Categorie' });
    await page.getByLabel('Van').fill('2026-12-01');
    await page.getByLabel('Tot en met').fill('2026-12-04');
    // The range covers whole days in the browser's time zone, Europe/Amsterdam in these tests. Each
    // field sends its own request, so the test waits for the one with both ends.
    await expect.poll(() => requests.at(-1)?.searchParams.get('to')).toBe('2026-12-04T23:00:00.000Z');
    const last = requests.at(-1);
    expect(last?.searchParams.get('entity')).toBe('category');
    expect(last?.searchParams.get('from')).toBe('2026-11-30T23:00:00.000Z');

    await page.getByLabel('Van').fill('2026-12-10');
    await expect(page.getByText('De begindatum ligt na de einddatum.', { exact: false })).toBeVisible();
  });
});

test.describe('Beheer: English', () => {
  test('Beheer screens in English', async ({ page, api }) => {
    await api.setLanguage('en');
    const dutchNames = (await api.leadStatuses()).map((item) => item.nameNl).filter((name): name is string => name !== null);
    const categories = await page.request.get('/api/categories?includeDeleted=true');
    const categoryNames = ((await categories.json()) as { items: Array<{ nameNl: string | null }> }).items.map((item) => item.nameNl ?? '').filter(Boolean);
    const userData = [...dutchNames, ...categoryNames, ADMIN_NAME].sort((a, b) => b.length - a.length);

    await page.goto('/admin/lists?list=lead-statuses');
    await expect(page.getByRole('heading', { level: 1, name: 'Lists' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Person – Lead status' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('row').filter({ hasText: 'Contacting' })).toContainText(/\d+ persons?/);
    await expectNoDutch(page, userData);
    await saveScreenshot(page, 'admin-lists-english');

    await page.getByRole('tab', { name: 'Company – Category' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Former customer' })).toContainText('Lost');
    await expectNoDutch(page, userData);

    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 2, name: 'API tokens' })).toBeVisible();
    const users = (await api.users()).map((user) => user.name);
    await expectNoDutch(page, [...userData, ...users]);
    await saveScreenshot(page, 'admin-users-english');

    await page.route('**/api/automation-rules', (route) => fulfilJson(route, 200, automationRules(1)));
    await page.goto('/admin/automation');
    await expect(page.getByRole('heading', { level: 2, name: 'Sale won' })).toBeVisible();
    await expectNoDutch(page, userData);
    await saveScreenshot(page, 'admin-automation-english');
  });
});

/** Lists the interactive elements in the page's accessibility tree that have no accessible name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const unnamed = /^\s*- (button|link|textbox|combobox|checkbox|switch|tab|searchbox|spinbutton)(?: \[[^\]]*\])*:?$/;
  return snapshot.split('\n').filter((line) => unnamed.test(line)).map((line) => line.trim());
}

test.describe('Beheer: accessibility', () => {
  test('every Beheer control has a name', async ({ page }) => {
    await page.route('**/api/automation-rules', (route) => fulfilJson(route, 200, automationRules(1)));
    await page.route('**/api/audit-log?*', (route) =>
      fulfilJson(route, 200, {
        items: [{ id: 1, at: '2026-12-04T13:05:00Z', user: null, entity: 'user', entityId: 2, action: 'update', changes: { active: { old: true, new: false } } }],
        nextCursor: null,
      }),
    );

    const screens: Array<[string, () => Promise<void>]> = [
      ['categories', async () => void (await page.goto('/admin/lists'))],
      ['category form', async () => page.getByRole('button', { name: 'Categorie toevoegen' }).first().click()],
      ['lead statuses', async () => void (await page.goto('/admin/lists?list=lead-statuses'))],
      ['delete confirmation', async () => page.getByRole('button', { name: 'Gekwalificeerd verwijderen' }).click()],
      ['users', async () => void (await page.goto('/admin/users'))],
      ['user form', async () => page.getByRole('button', { name: 'Gebruiker toevoegen' }).click()],
      ['token form', async () => {
        await page.goto('/admin/users');
        await page.getByRole('button', { name: 'Token maken' }).click();
      }],
      ['automation', async () => void (await page.goto('/admin/automation'))],
      ['audit log', async () => void (await page.goto('/admin/audit'))],
    ];

    for (const [name, open] of screens) {
      await open();
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(page.getByText('Laden…')).toHaveCount(0);
      expect(await unnamedControls(page), `unnamed controls on ${name}`).toEqual([]);
    }
  });
});
