import { readFileSync } from 'node:fs';

import { request as playwrightRequest, type Page } from '@playwright/test';

import { ADMIN_NAME } from './support/accounts';
import { TrechterApi } from './support/api';
import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';
import { expectNoDutch } from './support/no-dutch';

/** Layouts of the selection lists, reset so that each test starts with the default columns. */
const SELECTION_LIST_KEYS = ['list:selection-persons', 'list:selection-companies'];
const SECOND_USER_PASSWORD = 'tweede-gebruiker-e2e-2026';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Creates persons whose last names start with one unique stem, at one company. */
async function createPersons(api: TrechterApi, stem: string, firstNames: string[]) {
  const company = await api.createCompany({ name: uniqueName('Drukkerij Zomer'), category: 'Lead' });
  const persons = [];
  for (const firstName of firstNames) persons.push(await api.createPerson({ firstName, lastName: `${stem} ${firstName}`, companyId: company.id }));
  return { company, persons };
}

/** Criteria of a dynamic person selection: last name starts with the stem. */
function lastNameStartsWith(stem: string) {
  return [[{ field: 'lastName', operator: 'startsWith', values: [stem] }]];
}

function selectionRow(page: Page, name: string) {
  return page.getByRole('row', { name: new RegExp(escapeRegExp(name)) });
}

async function openRowAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Acties voor ${name}` }).click();
  await page.getByRole('dialog', { name: `Acties voor ${name}` }).getByRole('button', { name: action }).click();
}

test.beforeEach(async ({ api }) => {
  for (const key of SELECTION_LIST_KEYS) await api.resetListLayout(key);
});

test.describe('selection list', () => {
  test('shows kind, records and owner', async ({ page, api }) => {
    const stem = uniqueName('Zomeractie');
    const { company } = await createPersons(api, stem, ['Anna', 'Bram']);
    const dynamic = await api.createSelection({
      name: `Nieuwsbrief ${stem}`,
      description: 'Iedereen die zich via de zomeractie heeft aangemeld voor de nieuwsbrief',
      entity: 'person',
      kind: 'dynamic',
      criteria: lastNameStartsWith(stem),
    });
    const fixed = await api.createSelection({ name: `Beursbezoek ${stem}`, entity: 'company', kind: 'static', memberIds: [company.id], visibility: 'owner' });

    await page.goto('/selections');
    await expect(page.getByRole('heading', { level: 1, name: 'Selecties' })).toBeVisible();
    const dynamicRow = selectionRow(page, dynamic.name);
    await expect(dynamicRow).toContainText('Personen');
    await expect(dynamicRow).toContainText('Dynamisch');
    await expect(dynamicRow.getByRole('cell', { name: 'Jij', exact: true })).toBeVisible();
    await expect(dynamicRow).toContainText('Iedereen');
    await expect(dynamicRow).toContainText('zomeractie heeft aangemeld');
    const fixedRow = selectionRow(page, fixed.name);
    await expect(fixedRow).toContainText('Bedrijven');
    await expect(fixedRow).toContainText('Statisch');
    await expect(fixedRow).toContainText('Alleen ik');
    await expect(fixedRow).toContainText(/\d{2}-\d{2}-\d{4}/);
    await saveScreenshot(page, 'nl-selections');

    await page.getByRole('group', { name: 'Soort records' }).getByRole('button', { name: 'Bedrijven' }).click();
    await expect(fixedRow).toBeVisible();
    await expect(dynamicRow).toHaveCount(0);
    await page.getByRole('group', { name: 'Soort records' }).getByRole('button', { name: 'Personen' }).click();
    await expect(dynamicRow).toBeVisible();
    await expect(fixedRow).toHaveCount(0);

    await page.getByRole('group', { name: 'Soort records' }).getByRole('button', { name: 'Alle' }).click();
    await page.getByRole('searchbox', { name: 'Zoek selecties op naam' }).fill(`beursbezoek ${stem}`);
    await expect(fixedRow).toBeVisible();
    await expect(dynamicRow).toHaveCount(0);
    await expect(page.getByText(/^1 selectie$/)).toBeVisible();

    await page.getByRole('searchbox', { name: 'Zoek selecties op naam' }).fill(`${stem} bestaat niet`);
    await expect(page.getByText('Geen selecties gevonden')).toBeVisible();
    await page.getByRole('button', { name: 'Alle selecties tonen' }).click();
    await expect(dynamicRow).toBeVisible();
  });

  test('row actions work by keyboard', async ({ page, api }) => {
    const stem = uniqueName('Toetsenbord');
    const selection = await api.createSelection({ name: `Bellijst ${stem}`, entity: 'company', kind: 'static' });

    await page.goto('/selections');
    const more = page.getByRole('button', { name: `Acties voor ${selection.name}` });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: `Acties voor ${selection.name}` });
    await expect(menu.getByRole('button', { name: 'Openen' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();

    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: selection.name })).toBeVisible();
    await expect(page.getByText('Nog geen leden')).toBeVisible();
  });

  test('explains how to make a first selection', async ({ page }) => {
    await page.route('**/api/selections', (route) => route.fulfill({ json: { items: [] } }));
    await page.goto('/selections');
    await expect(page.getByText('Nog geen selecties')).toBeVisible();
    await expect(page.getByText(/Een selectie maak je op het scherm Zoeken/)).toBeVisible();
    await saveScreenshot(page, 'nl-selections-empty');
    await page.getByRole('button', { name: 'Naar Zoeken' }).click();
    await expect(page).toHaveURL(/\/find$/);
  });

  test('copies a selection', async ({ page, api }) => {
    const stem = uniqueName('Kopieer');
    await createPersons(api, stem, ['Cor']);
    const source = await api.createSelection({ name: `Webinar ${stem}`, entity: 'person', kind: 'dynamic', criteria: lastNameStartsWith(stem) });

    await page.goto('/selections');
    await openRowAction(page, source.name, 'Kopiëren');
    const copyName = `${source.name} (kopie)`;
    const notice = page.getByRole('status').filter({ hasText: 'Kopie gemaakt:' }).filter({ has: page.getByRole('link') });
    await expect(notice.getByRole('link', { name: copyName })).toBeVisible();
    await expect(selectionRow(page, copyName)).toBeVisible();

    const copy = (await api.listSelections()).find((selection) => selection.name === copyName);
    expect(copy?.kind).toBe('dynamic');
    expect(copy?.entity).toBe('person');
    expect(await api.selectionTotal(copy?.id ?? 0, 'person')).toBe(1);

    await notice.getByRole('link', { name: copyName }).click();
    await expect(page.getByRole('heading', { level: 1, name: copyName })).toBeVisible();
  });

  test('deletes a selection after confirmation', async ({ page, api }) => {
    const stem = uniqueName('Weg');
    const { persons } = await createPersons(api, stem, ['Dirk']);
    const selection = await api.createSelection({ name: `Opruimen ${stem}`, entity: 'person', kind: 'static', memberIds: persons.map((person) => person.id) });

    await page.goto('/selections');
    await openRowAction(page, selection.name, 'Verwijderen');
    const confirmation = page.getByRole('dialog', { name: `Selectie "${selection.name}" verwijderen?` });
    await expect(confirmation).toContainText('De personen zelf blijven bestaan en worden niet verwijderd');
    await saveScreenshot(page, 'nl-selection-delete');
    await confirmation.getByRole('button', { name: 'Verwijderen' }).click();

    await expect(page.getByRole('status').filter({ hasText: `Selectie ${selection.name} verwijderd` })).toBeVisible();
    await expect(selectionRow(page, selection.name)).toHaveCount(0);
    expect(await api.selectionStatus(selection.id)).toBe(404);
    expect((await api.getPerson(persons[0]?.id ?? 0)).id).toBe(persons[0]?.id);
  });

  test('explains a delete of a changed selection', async ({ page, api }) => {
    const stem = uniqueName('Botsing');
    const selection = await api.createSelection({ name: `Conflict ${stem}`, entity: 'person', kind: 'dynamic', criteria: lastNameStartsWith(stem) });

    await page.goto('/selections');
    await expect(selectionRow(page, selection.name)).toBeVisible();
    // Someone changes the selection while the list still has the old version.
    await api.updateSelection(selection.id, selection.version, { description: 'Intussen gewijzigd' });

    await openRowAction(page, selection.name, 'Verwijderen');
    const confirmation = page.getByRole('dialog', { name: `Selectie "${selection.name}" verwijderen?` });
    await confirmation.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(confirmation.getByRole('alert')).toContainText('Iemand anders heeft deze selectie intussen gewijzigd');
    await confirmation.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(confirmation).toBeHidden();
    expect(await api.selectionStatus(selection.id)).toBe(404);
  });
});

test.describe('selection page', () => {
  test('counts the records of a dynamic selection', async ({ page, api }) => {
    const stem = uniqueName('Telling');
    await createPersons(api, stem, ['Eva', 'Finn', 'Gijs']);
    const selection = await api.createSelection({
      name: `Leads ${stem}`,
      description: 'Drie personen voor de telling',
      entity: 'person',
      kind: 'dynamic',
      criteria: [
        [
          { field: 'lastName', operator: 'startsWith', values: [stem] },
          { field: 'leadStatus', operator: 'isOneOf', values: [await api.leadStatusId('Open')] },
        ],
        [{ field: 'lastName', operator: 'startsWith', values: [`${stem} Z`] }],
      ],
    });

    await page.goto('/selections');
    await page.getByRole('link', { name: selection.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: selection.name })).toBeVisible();
    const total = await api.selectionTotal(selection.id, 'person');
    expect(total).toBe(3);
    await expect(page.getByText(`${total} personen in deze selectie`)).toBeVisible();
    await expect(page.getByRole('link', { name: `Eva ${stem} Eva` })).toBeVisible();
    const properties = page.getByRole('list', { name: 'Eigenschappen' });
    await expect(properties).toContainText('Dynamisch');
    await expect(properties).toContainText('Personen');
    const criteria = page.getByRole('region', { name: 'Criteria' });
    await expect(criteria).toContainText(`Achternaam begint met "${stem}"`);
    await expect(criteria).toContainText('Leadstatus is een van Open');
    await expect(criteria).toContainText(`Achternaam begint met "${stem} Z"`);
    await expect(page.getByRole('link', { name: 'Criteria bewerken' })).toHaveAttribute('href', `/find?selection=${selection.id}`);
    await expect(page.getByRole('link', { name: 'Bordweergave' }).last()).toHaveAttribute('href', `/selections/${selection.id}/board`);
    await saveScreenshot(page, 'nl-selection');
  });

  test('edits name and visibility', async ({ page, api }) => {
    const stem = uniqueName('Wijzig');
    const selection = await api.createSelection({ name: `Oud ${stem}`, entity: 'person', kind: 'dynamic', criteria: lastNameStartsWith(stem) });

    await page.goto(`/selections/${selection.id}`);
    await expect(page.getByText('Geen records voldoen aan de criteria')).toBeVisible();
    await expect(page.locator('.list-empty').getByRole('link', { name: 'Criteria bewerken' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Bulk bijwerken' })).toBeDisabled();
    await saveScreenshot(page, 'nl-selection-no-matches');
    await page.getByRole('button', { name: 'Bewerken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Selectie bewerken' });
    await dialog.getByRole('textbox', { name: 'Naam' }).fill('');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Naam' })).toHaveAccessibleDescription('Vul dit veld in.');

    await dialog.getByRole('textbox', { name: 'Naam' }).fill(`Nieuw ${stem}`);
    await dialog.getByRole('textbox', { name: 'Omschrijving' }).fill('Alleen voor mijn eigen belronde');
    await dialog.getByRole('radio', { name: /Alleen ik/ }).check();
    await saveScreenshot(page, 'nl-selection-edit');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: `Nieuw ${stem}` })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Eigenschappen' })).toContainText('Alleen zichtbaar voor jou');

    const stored = await api.getSelection(selection.id);
    expect(stored.name).toBe(`Nieuw ${stem}`);
    expect(stored.description).toBe('Alleen voor mijn eigen belronde');
    expect(stored.visibility).toBe('owner');
  });

  test('edit conflict offers the newest version', async ({ page, api }) => {
    const stem = uniqueName('Tegelijk');
    const selection = await api.createSelection({ name: `Eerst ${stem}`, entity: 'person', kind: 'dynamic', criteria: lastNameStartsWith(stem) });

    await page.goto(`/selections/${selection.id}`);
    await page.getByRole('button', { name: 'Bewerken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Selectie bewerken' });
    await api.updateSelection(selection.id, selection.version, { name: `Collega ${stem}` });

    await dialog.getByRole('textbox', { name: 'Naam' }).fill(`Ik ${stem}`);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Iemand anders heeft dit intussen gewijzigd');
    await dialog.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Naam' })).toHaveValue(`Collega ${stem}`);
    expect((await api.getSelection(selection.id)).name).toBe(`Collega ${stem}`);
  });

  test('makes a dynamic selection static', async ({ page, api }) => {
    const stem = uniqueName('Vast');
    await createPersons(api, stem, ['Hanna', 'Ivo']);
    const selection = await api.createSelection({ name: `Vastleggen ${stem}`, entity: 'person', kind: 'dynamic', criteria: lastNameStartsWith(stem) });
    const before = await api.selectionTotal(selection.id, 'person');

    await page.goto(`/selections/${selection.id}`);
    await expect(page.getByText(`${before} personen in deze selectie`)).toBeVisible();
    await page.getByRole('button', { name: 'Statisch maken' }).click();
    const confirmation = page.getByRole('dialog', { name: `"${selection.name}" statisch maken?` });
    await expect(confirmation).toContainText(`${before} personen`);
    await expect(confirmation).toContainText('Dit kan niet ongedaan worden gemaakt');
    await saveScreenshot(page, 'nl-selection-make-static');
    await confirmation.getByRole('button', { name: 'Statisch maken' }).click();

    await expect(confirmation).toBeHidden();
    await expect(page.getByRole('list', { name: 'Eigenschappen' })).toContainText('Statisch');
    await expect(page.getByRole('button', { name: 'Statisch maken' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Leden toevoegen' })).toBeVisible();
    await expect(page.getByText(`${before} personen in deze selectie`)).toBeVisible();

    expect((await api.getSelection(selection.id)).kind).toBe('static');
    // A person who matches the old criteria later stays out of the now fixed selection.
    await api.createPerson({ firstName: 'Later', lastName: `${stem} Later` });
    expect(await api.selectionTotal(selection.id, 'person')).toBe(before);
  });

  test('exports CSV with the chosen separator', async ({ page, api }) => {
    const stem = uniqueName('Export');
    await createPersons(api, stem, ['Jet', 'Kees']);
    const selection = await api.createSelection({ name: `Uitvoer ${stem}`, entity: 'person', kind: 'dynamic', criteria: lastNameStartsWith(stem) });

    await page.goto(`/selections/${selection.id}`);
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Selectie exporteren' });
    await expect(dialog).toContainText('2 personen');
    await expect(dialog.getByRole('radio', { name: /Puntkomma \(Excel NL\)/ })).toBeChecked();
    await saveScreenshot(page, 'nl-selection-export');
    const semicolonDownload = page.waitForEvent('download');
    await dialog.getByRole('link', { name: 'Downloaden' }).click();
    const semicolonFile = readFileSync(await (await semicolonDownload).path(), 'utf8');
    expect(semicolonFile.startsWith('\uFEFF')).toBe(true);
    const [semicolonHeader, ...semicolonRows] = semicolonFile.slice(1).trim().split(/\r?\n/);
    // The file has the columns of the selection's list: by default name, company, category, lead status, days in status and our contact.
    expect(semicolonHeader?.split(';')).toEqual(['Naam', 'Bedrijf', 'Categorie', 'Leadstatus', 'Dagen in status', 'Onze contactpersoon']);
    expect(semicolonRows).toHaveLength(2);
    expect(semicolonRows[0]).toMatch(new RegExp(`^Jet ${stem} Jet;`));
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Exporteren' }).click();
    await dialog.getByRole('radio', { name: /Komma/ }).check();
    const commaDownload = page.waitForEvent('download');
    await dialog.getByRole('link', { name: 'Downloaden' }).click();
    const commaFile = readFileSync(await (await commaDownload).path(), 'utf8');
    expect(commaFile.startsWith('\uFEFF')).toBe(true);
    expect(commaFile.slice(1).split(/\r?\n/)[0]).toBe('Naam,Bedrijf,Categorie,Leadstatus,Dagen in status,Onze contactpersoon');
  });

  test('deletes from the page and returns to the list', async ({ page, api }) => {
    const stem = uniqueName('Pagina weg');
    const selection = await api.createSelection({ name: `Weggooien ${stem}`, entity: 'company', kind: 'static' });

    await page.goto(`/selections/${selection.id}`);
    await expect(page.getByText('Nog geen leden')).toBeVisible();
    await page.getByRole('button', { name: 'Verwijderen' }).click();
    const confirmation = page.getByRole('dialog', { name: `Selectie "${selection.name}" verwijderen?` });
    await expect(confirmation).toContainText('De bedrijven zelf blijven bestaan');
    await confirmation.getByRole('button', { name: 'Verwijderen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Selecties' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `Selectie ${selection.name} verwijderd` })).toBeVisible();
    expect(await api.selectionStatus(selection.id)).toBe(404);

    await page.goto(`/selections/${selection.id}`);
    await expect(page.getByText('Deze selectie bestaat niet of is niet gedeeld met jou.')).toBeVisible();
    await page.getByRole('link', { name: 'Terug naar Selecties' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Selecties' })).toBeVisible();
  });

  test('adds members through the dialog', async ({ page, api }) => {
    const stem = uniqueName('Leden');
    const { persons } = await createPersons(api, stem, ['Lies', 'Maarten', 'Noor']);
    const first = persons[0];
    if (first === undefined) throw new Error('no person was created');
    const selection = await api.createSelection({ name: `Belronde ${stem}`, entity: 'person', kind: 'static', memberIds: [first.id] });

    await page.goto(`/selections/${selection.id}`);
    await expect(page.getByText('1 persoon in deze selectie')).toBeVisible();
    await page.getByRole('button', { name: 'Leden toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: `Leden toevoegen aan ${selection.name}` });
    await dialog.getByRole('searchbox', { name: 'Zoek op naam' }).fill(stem);
    const results = dialog.getByRole('list', { name: 'Zoekresultaten' });
    await expect(results.getByRole('checkbox')).toHaveCount(3);
    await results.getByRole('checkbox', { name: new RegExp(`Maarten ${escapeRegExp(stem)}`) }).check();
    await results.getByRole('checkbox', { name: new RegExp(`Noor ${escapeRegExp(stem)}`) }).check();
    await results.getByRole('checkbox', { name: new RegExp(`Lies ${escapeRegExp(stem)}`) }).check();
    await expect(dialog.getByRole('button', { name: 'Toevoegen (3)' })).toBeEnabled();
    await saveScreenshot(page, 'nl-selection-add-members');
    await dialog.getByRole('button', { name: 'Toevoegen (3)' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '2 personen toegevoegd aan de selectie; 1 stond(en) er al in' })).toBeVisible();
    await expect(page.getByText('3 personen in deze selectie')).toBeVisible();
    expect(await api.selectionTotal(selection.id, 'person')).toBe(3);
  });

  test('shows an unknown selection as not found', async ({ page }) => {
    await page.goto('/selections/987654');
    await expect(page.getByText('Selectie niet gevonden')).toBeVisible();
    await expect(page.getByText('Deze selectie bestaat niet of is niet gedeeld met jou.')).toBeVisible();
  });
});

test.describe('selections of other users', () => {
  test('private ones stay hidden, shared ones are read-only', async ({ page, api, baseURL, browser }) => {
    const stem = uniqueName('Collega');
    const email = `collega-${stem.split(' ').pop() ?? 'x'}@trechter.test`;
    const colleague = await api.createUser({ name: `Collega ${stem}`, email, password: SECOND_USER_PASSWORD, role: 'user' });

    const context = await playwrightRequest.newContext({ baseURL });
    const login = await context.post('/api/auth/login', { data: { email, password: SECOND_USER_PASSWORD } });
    expect(login.ok(), await login.text()).toBe(true);
    const colleagueApi = new TrechterApi(context, ((await login.json()) as { csrfToken: string }).csrfToken);
    const hidden = await colleagueApi.createSelection({ name: `Privé ${stem}`, entity: 'person', kind: 'static', visibility: 'owner' });
    const shared = await colleagueApi.createSelection({ name: `Gedeeld ${stem}`, entity: 'person', kind: 'static', visibility: 'everyone' });
    const mine = await api.createSelection({ name: `Van beheerder ${stem}`, entity: 'person', kind: 'static' });

    await page.goto('/selections');
    await expect(selectionRow(page, shared.name).getByRole('cell', { name: colleague.name, exact: true })).toBeVisible();
    await expect(selectionRow(page, shared.name).getByRole('cell', { name: 'Iedereen', exact: true })).toBeVisible();
    await expect(selectionRow(page, hidden.name)).toHaveCount(0);
    expect(await api.selectionStatus(hidden.id)).toBe(404);
    await page.goto(`/selections/${hidden.id}`);
    await expect(page.getByText('Deze selectie bestaat niet of is niet gedeeld met jou.')).toBeVisible();

    // The colleague sees the administrator's shared selection, and may copy but not change it.
    const browserContext = await browser.newContext({ baseURL, storageState: await context.storageState() });
    const colleaguePage = await browserContext.newPage();
    await colleaguePage.goto(`/selections/${mine.id}`);
    await expect(colleaguePage.getByRole('heading', { level: 1, name: mine.name })).toBeVisible();
    await expect(colleaguePage.getByText(`Deze selectie is van ${ADMIN_NAME}`)).toBeVisible();
    await expect(colleaguePage.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
    await expect(colleaguePage.getByRole('button', { name: 'Verwijderen' })).toHaveCount(0);
    await expect(colleaguePage.getByRole('button', { name: 'Leden toevoegen' })).toHaveCount(0);
    await expect(colleaguePage.getByRole('button', { name: 'Kopiëren' })).toBeVisible();
    await expect(colleaguePage.getByRole('list', { name: 'Eigenschappen' })).toContainText('Gedeeld met iedereen');
    await expect(colleaguePage.getByText('Alleen de eigenaar of een beheerder kan leden toevoegen.')).toBeVisible();
    await saveScreenshot(colleaguePage, 'nl-selection-read-only');
    await browserContext.close();
    await context.dispose();
  });
});

test.describe('selections in English', () => {
  test('list and page have no Dutch', async ({ page, api }) => {
    const stem = uniqueName('Harbour');
    await createPersons(api, stem, ['Olivia', 'Peter']);
    const selection = await api.createSelection({
      name: `Trade fair ${stem}`,
      description: 'Visitors of the spring trade fair',
      entity: 'person',
      kind: 'dynamic',
      criteria: lastNameStartsWith(stem),
    });
    await api.setLanguage('en');

    const all = await api.listSelections();
    const userData = [...all.flatMap((item) => [item.name, item.description ?? '', item.owner.name]), ADMIN_NAME].filter((text) => text !== '');
    userData.sort((a, b) => b.length - a.length);

    await page.goto('/selections');
    await expect(page.getByRole('heading', { level: 1, name: 'Selections' })).toBeVisible();
    await expect(selectionRow(page, selection.name)).toContainText('Dynamic');
    await saveScreenshot(page, 'en-selections');
    await expectNoDutch(page, userData);

    await page.getByRole('link', { name: selection.name }).click();
    await expect(page.getByText('2 persons in this selection')).toBeVisible();
    const company = await page.getByRole('link', { name: /Drukkerij Zomer/ }).first().textContent();
    await saveScreenshot(page, 'en-selection');
    await expectNoDutch(page, [...userData, company ?? '']);

    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('radio', { name: /Comma/ })).toBeChecked();
    await expectNoDutch(page, [...userData, company ?? '']);
  });
});
