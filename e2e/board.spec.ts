import type { Locator, Page } from '@playwright/test';

import { ADMIN_NAME } from './support/accounts';
import type { TrechterApi } from './support/api';
import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';
import { expectNoDutch } from './support/no-dutch';

const ALL_LEADS = [{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }];
const DUTCH_STATUSES = ['Open', 'Contact opnemen', 'Gediskwalificeerd', 'Opnieuw benaderen', 'Gekwalificeerd'];
const ENGLISH_STATUSES = ['Open', 'Contacting', 'Disqualified', 'Re-nurture', 'Qualified'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads a number written with Dutch or English group separators, such as 1.234 or 1,234. */
function readCount(text: string): number {
  const digits = /[\d.,]+/.exec(text)?.[0] ?? 'NaN';
  return Number(digits.replace(/[.,]/g, ''));
}

/** Returns a board column by its name. Its accessible name is the name followed by the count. */
function column(page: Page, name: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${escapeRegExp(name)} [\\d.,]+$`) });
}

function card(scope: Page | Locator, fullName: string): Locator {
  const page = 'mouse' in scope ? scope : scope.page();
  return scope.getByRole('listitem').filter({ has: page.getByRole('link', { name: fullName, exact: true }) });
}

/** Returns the names and counts of the board's columns, in screen order. */
async function columnCounts(page: Page): Promise<Array<{ name: string; count: number }>> {
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  return headings.map((text) => {
    const match = /^(.*) ([\d.,]+)$/.exec(text.trim());
    return { name: match?.[1] ?? text, count: readCount(match?.[2] ?? 'NaN') };
  });
}

/**
 * Types in the name filter and waits until the board has counted the leads that match. The board
 * filters after a pause in typing, so cards seen before that may still be replaced.
 */
async function filterByName(page: Page, text: string, label = 'Filter op naam'): Promise<void> {
  const counted = page.waitForResponse(
    (response) => response.url().includes('/api/persons/group-counts') && decodeURIComponent(response.url().replace(/\+/g, ' ')).includes(text),
  );
  await page.getByRole('searchbox', { name: label }).fill(text);
  await counted;
  await expect(page.getByText(/^1 lead$/)).toBeVisible();
}

/**
 * Drags a card with the mouse and drops it in the middle of a column. Unless the card is locked,
 * the drop waits until the column shows that the card is over it.
 */
async function dragCard(page: Page, from: Locator, to: Locator, options: { locked?: boolean } = {}): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (start === null || end === null) throw new Error('the card or the column is not on screen');
  // The company line: pressing the name would start on the link.
  await page.mouse.move(start.x + start.width / 2, start.y + start.height - 30);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 20, start.y + start.height - 10, { steps: 4 });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  if (!options.locked) await expect(to).toHaveClass(/board-column-over/);
  await page.mouse.up();
}

/**
 * Creates a lead company with one person, who starts at lead status Open. The company name has no
 * Dutch words, because English screens of later tests list it too.
 */
async function createLead(api: TrechterApi, firstName: string, lastNameBase: string) {
  const companyName = uniqueName('Kanban');
  const company = await api.createCompany({ name: companyName, category: 'Lead' });
  const lastName = uniqueName(lastNameBase);
  const person = await api.createPerson({ firstName, lastName, companyId: company.id });
  return { company, companyName, person, lastName };
}

test.describe('board view', () => {
  test('columns add up to the total', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Bakkerij Bord'), category: 'Lead' });
    const mulder = uniqueName('Mulder');
    const names = ['Visser', 'Smit', mulder, 'Bos', 'Peters', 'Hendriks'];
    const statuses = ['Open', 'Contact opnemen', 'Contact opnemen', 'Gekwalificeerd', 'Opnieuw benaderen', 'Open'];
    for (const [index, lastName] of names.entries()) {
      const person = await api.createPerson({ firstName: 'Sam', lastName, companyId: company.id, jobTitle: 'Inkoper' });
      const status = statuses[index] ?? 'Open';
      if (status !== 'Open') await api.updatePerson(person.id, person.version, { leadStatusId: await api.leadStatusId(status) });
    }

    await page.goto('/companies');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bordweergave' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bordweergave' })).toBeVisible();
    await expect(column(page, 'Open')).toBeVisible();

    const counts = await columnCounts(page);
    expect(counts.map((entry) => entry.name).slice(0, DUTCH_STATUSES.length)).toEqual(DUTCH_STATUSES);
    const totalText = await page.getByText(/^[\d.]+ leads?$/).textContent();
    const total = readCount(totalText ?? '');
    expect(counts.reduce((sum, entry) => sum + entry.count, 0)).toBe(total);
    expect((await api.personGroupCounts('leadStatus', ALL_LEADS)).total).toBe(total);
    await expect(card(column(page, 'Contact opnemen'), 'Sam Smit').first()).toBeVisible();
    await saveScreenshot(page, 'nl-board');

    await filterByName(page, mulder);
    await expect(page.getByText(/^[\d.]+ leads?$/)).not.toHaveText(totalText ?? '');
    const filtered = await columnCounts(page);
    const filteredTotal = readCount((await page.getByText(/^[\d.]+ leads?$/).textContent()) ?? '');
    expect(filtered.reduce((sum, entry) => sum + entry.count, 0)).toBe(filteredTotal);
    await expect(card(column(page, 'Contact opnemen'), `Sam ${mulder}`)).toBeVisible();
    await expect(card(page, 'Sam Visser')).toHaveCount(0);
  });

  test('drag changes the lead status', async ({ page, api }) => {
    const { person, lastName } = await createLead(api, 'Daan', 'Sleep');
    const fullName = `Daan ${lastName}`;

    await page.goto('/board');
    await filterByName(page, lastName);
    const source = card(column(page, 'Open'), fullName);
    await expect(source).toBeVisible();
    await expect(source).toContainText('0 dagen');

    await dragCard(page, source, column(page, 'Contact opnemen'));
    await expect(page.getByRole('status').filter({ hasText: `${fullName} verplaatst naar Contact opnemen` })).toBeVisible();
    await expect(card(column(page, 'Contact opnemen'), fullName)).toBeVisible();
    await expect(card(column(page, 'Open'), fullName)).toHaveCount(0);
    await expect(column(page, 'Contact opnemen').getByRole('heading')).toHaveText('Contact opnemen 1');
    await expect(column(page, 'Open').getByRole('heading')).toHaveText('Open 0');

    expect((await api.getPerson(person.id)).leadStatus?.name).toBe('Contact opnemen');
    const history = await api.leadStatusHistory(person.id);
    expect(history[0]?.from?.name).toBe('Open');
    expect(history[0]?.to?.name).toBe('Contact opnemen');
    expect(history[0]?.source).toBe('board');

    await card(column(page, 'Contact opnemen'), fullName).getByRole('link', { name: fullName }).click();
    await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
    const historyTable = page.getByRole('table', { name: 'Wijzigingen van de leadstatus, nieuwste eerst' });
    await expect(historyTable.getByRole('row').nth(1)).toContainText('Contact opnemen');
    await expect(historyTable.getByRole('row').nth(1)).toContainText('Bordweergave');
  });

  test('conflicting drop snaps back', async ({ page, api }) => {
    const { person, lastName } = await createLead(api, 'Noor', 'Botsing');
    const fullName = `Noor ${lastName}`;

    await page.goto('/board');
    await filterByName(page, lastName);
    await expect(card(column(page, 'Open'), fullName)).toBeVisible();
    await api.updatePerson(person.id, person.version, { jobTitle: 'Directeur' });

    await dragCard(page, card(column(page, 'Open'), fullName), column(page, 'Gediskwalificeerd'));
    await expect(page.getByRole('status').filter({ hasText: 'omdat iemand anders deze persoon intussen heeft gewijzigd' })).toBeVisible();
    await expect(card(column(page, 'Open'), fullName)).toBeVisible();
    await expect(card(column(page, 'Gediskwalificeerd'), fullName)).toHaveCount(0);
    expect((await api.getPerson(person.id)).leadStatus?.name).toBe('Open');

    // The board loaded the latest version, so the same move now succeeds.
    await dragCard(page, card(column(page, 'Open'), fullName), column(page, 'Gediskwalificeerd'));
    await expect(card(column(page, 'Gediskwalificeerd'), fullName)).toBeVisible();
    expect((await api.getPerson(person.id)).leadStatus?.name).toBe('Gediskwalificeerd');
  });

  test('locked card cannot move', async ({ page, api }) => {
    const categoryName = uniqueName('Beurscontact');
    const category = await api.createCategory({ name: categoryName, categoryGroup: 'potentialCustomer', leadStatusEnabled: false });
    const { company, person, lastName } = await createLead(api, 'Lotte', 'Slot');
    const fullName = `Lotte ${lastName}`;
    const reason = `Geen leadstatus: categorie "${categoryName}" heeft geen leadstatus.`;

    await page.goto('/board');
    await filterByName(page, lastName);
    await expect(card(column(page, 'Open'), fullName)).toBeVisible();
    // The category changes after the board loaded, so the card still looks movable.
    await api.updateCompany(company.id, company.version, { categoryId: category.id });

    await dragCard(page, card(column(page, 'Open'), fullName), column(page, 'Contact opnemen'));
    await expect(page.getByRole('status').filter({ hasText: 'omdat de categorie van het bedrijf geen leadstatus heeft' })).toBeVisible();
    const locked = card(column(page, 'Open'), fullName);
    await expect(locked).toContainText(reason);
    await expect(locked.getByRole('article')).toHaveAccessibleDescription(reason);
    await expect(locked.getByRole('button', { name: `${fullName} verplaatsen naar…` })).toHaveCount(0);
    await saveScreenshot(page, 'nl-board-locked');

    await dragCard(page, locked, column(page, 'Contact opnemen'), { locked: true });
    await expect(card(column(page, 'Contact opnemen'), fullName)).toHaveCount(0);
    await expect(card(column(page, 'Open'), fullName)).toBeVisible();
    expect((await api.getPerson(person.id)).leadStatus?.name).toBe('Open');
  });

  test('keyboard moves a card', async ({ page, api }) => {
    const { person, lastName } = await createLead(api, 'Kim', 'Toets');
    const fullName = `Kim ${lastName}`;

    await page.goto('/board');
    await filterByName(page, lastName);
    const link = card(column(page, 'Open'), fullName).getByRole('link', { name: fullName });
    await expect(link).toBeVisible();
    await link.focus();
    await page.keyboard.press('Tab');
    const moveButton = page.getByRole('button', { name: `${fullName} verplaatsen naar…` });
    await expect(moveButton).toBeFocused();
    await page.keyboard.press('Enter');

    const menu = page.getByRole('dialog', { name: `${fullName} verplaatsen naar…` });
    await expect(menu.getByRole('button')).toHaveText(DUTCH_STATUSES.filter((status) => status !== 'Open'));
    await expect(menu.getByRole('button', { name: 'Contact opnemen' })).toBeFocused();
    await saveScreenshot(page, 'nl-board-move-menu');
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('Tab');
    await expect(menu.getByRole('button', { name: 'Gekwalificeerd' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('button', { name: 'Opnieuw benaderen' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('button', { name: 'Gekwalificeerd' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(menu).toBeHidden();
    await expect(card(column(page, 'Gekwalificeerd'), fullName)).toBeVisible();
    expect((await api.getPerson(person.id)).leadStatus?.name).toBe('Gekwalificeerd');
    // The focus follows the card to its new column, so the keyboard user keeps their place.
    await expect(card(column(page, 'Gekwalificeerd'), fullName).getByRole('link', { name: fullName })).toBeFocused();
  });

  test('owner grouping sets the owner', async ({ page, api }) => {
    const { person, lastName } = await createLead(api, 'Ruben', 'Eigenaar');
    const fullName = `Ruben ${lastName}`;
    const admin = await api.currentUser();

    await page.goto('/board');
    await filterByName(page, lastName);
    await page.getByRole('group', { name: 'Groeperen op' }).getByRole('button', { name: 'Onze contactpersoon' }).click();
    await expect(page.getByRole('button', { name: 'Onze contactpersoon' })).toHaveAttribute('aria-pressed', 'true');
    const noOwner = column(page, 'Zonder onze contactpersoon');
    await expect(card(noOwner, fullName)).toBeVisible();
    await expect(card(noOwner, fullName)).toContainText('Open');

    await dragCard(page, card(noOwner, fullName), column(page, admin.name));
    await expect(card(column(page, admin.name), fullName)).toBeVisible();
    expect((await api.getPerson(person.id)).ownerId).toBe(admin.id);
    await saveScreenshot(page, 'nl-board-owner');
  });

  test('unmatched name filter explains itself', async ({ page }) => {
    await page.goto('/board');
    await page.getByRole('searchbox', { name: 'Filter op naam' }).fill(uniqueName('Niemand'));
    await expect(page.getByText(/^Geen leads met ".*" in de naam$/)).toBeVisible();
    await page.getByRole('button', { name: 'Filter wissen' }).click();
    await expect(page.getByRole('searchbox', { name: 'Filter op naam' })).toHaveValue('');
    await expect(column(page, 'Open')).toBeVisible();
  });

  test('board of a saved selection', async ({ page, api }) => {
    const company = await api.createCompany({ name: uniqueName('Orbit Works'), category: 'Lead' });
    const lastName = uniqueName('Kok');
    const statuses = ['Open', 'Open', 'Contact opnemen'];
    const people = [];
    for (const [index, status] of statuses.entries()) {
      const person = await api.createPerson({ firstName: `Lid${index + 1}`, lastName, companyId: company.id });
      if (status !== 'Open') await api.updatePerson(person.id, person.version, { leadStatusId: await api.leadStatusId(status) });
      people.push(person);
    }
    const selectionName = uniqueName('Bakkers');
    const selection = await api.createPersonSelection(selectionName, [{ field: 'company', operator: 'isOneOf', values: [company.id] }]);

    await page.goto(`/selections/${selection.id}/board`);
    await expect(page.getByRole('heading', { level: 1, name: `Bordweergave: ${selectionName}` })).toBeVisible();
    await expect(page.getByText(/^3 personen$/)).toBeVisible();
    await expect(column(page, 'Open')).toHaveAccessibleName('Open 2');
    const counts = await columnCounts(page);
    expect(counts.reduce((sum, entry) => sum + entry.count, 0)).toBe(await api.selectionPersonCount(selection.id));
    await expect(page.getByRole('combobox', { name: 'Bord van' })).toHaveValue(String(selection.id));
    await saveScreenshot(page, 'nl-board-selection');

    const first = people[0];
    if (first === undefined) throw new Error('no person was created');
    await dragCard(page, card(column(page, 'Open'), `Lid1 ${lastName}`), column(page, 'Contact opnemen'));
    await expect(column(page, 'Contact opnemen')).toHaveAccessibleName('Contact opnemen 2');
    await expect(column(page, 'Open')).toHaveAccessibleName('Open 1');
    expect((await api.getPerson(first.id)).leadStatus?.name).toBe('Contact opnemen');
    expect((await api.leadStatusHistory(first.id))[0]?.source).toBe('board');

    await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: selectionName }).click();
    await expect(page).toHaveURL(new RegExp(`/selections/${selection.id}$`));
  });

  test('toolbar filters narrow the columns', async ({ page, api }) => {
    const me = await api.currentUser();
    const { company, person, lastName } = await createLead(api, 'Fien', 'Filter');
    await api.updatePerson(person.id, person.version, { ownerId: me.id });
    await api.updateCompany(company.id, company.version, { country: 'Luxemburg' });

    await page.goto('/board');
    await expect(column(page, 'Open')).toBeVisible();
    const filters = page.getByRole('group', { name: 'Filters van het bord' });

    await filters.getByRole('combobox', { name: 'Onze contactpersoon' }).selectOption({ label: 'Ik' });
    const mine = await api.personGroupCounts('leadStatus', [...ALL_LEADS, { field: 'owner', operator: 'isOneOf', values: ['currentUser'] }]);
    await expect(page.getByText(new RegExp(`^${mine.total.toLocaleString('nl-NL')} leads?$`))).toBeVisible();

    const counted = page.waitForResponse((response) => response.url().includes('/api/persons/group-counts') && response.url().includes('Luxemburg'));
    await filters.getByRole('searchbox', { name: 'Land' }).fill('Luxemburg');
    await counted;
    await filters.getByRole('combobox', { name: 'Geregistreerd' }).selectOption({ label: 'Vandaag' });
    const narrowed = await api.personGroupCounts('leadStatus', [
      ...ALL_LEADS,
      { field: 'owner', operator: 'isOneOf', values: ['currentUser'] },
      { field: 'country', operator: 'contains', values: ['Luxemburg'] },
      { field: 'registeredAt', operator: 'today', values: [] },
    ]);
    await expect(page.getByText(new RegExp(`^${narrowed.total} leads?$`))).toBeVisible();
    await expect(card(column(page, 'Open'), `Fien ${lastName}`)).toBeVisible();
    const counts = await columnCounts(page);
    expect(counts.reduce((sum, entry) => sum + entry.count, 0)).toBe(narrowed.total);
    await saveScreenshot(page, 'nl-board-filters');

    // The filters are in the address, so a reload shows the same board.
    await expect(page).toHaveURL(/registered=today/);
    await page.reload();
    await expect(filters.getByRole('combobox', { name: 'Onze contactpersoon' })).toHaveValue('currentUser');
    await expect(filters.getByRole('searchbox', { name: 'Land' })).toHaveValue('Luxemburg');
    await expect(filters.getByRole('combobox', { name: 'Geregistreerd' })).toHaveValue('today');
    await expect(page.getByText(new RegExp(`^${narrowed.total} leads?$`))).toBeVisible();

    await filters.getByRole('combobox', { name: 'Onze contactpersoon' }).selectOption({ label: 'Zonder onze contactpersoon' });
    await expect(page.getByText('Geen personen die aan de filters voldoen')).toBeVisible();
    await page.getByRole('button', { name: 'Filters wissen' }).first().click();
    await expect(filters.getByRole('searchbox', { name: 'Land' })).toHaveValue('');
    const all = await api.personGroupCounts('leadStatus', ALL_LEADS);
    await expect(page.getByText(new RegExp(`^${all.total.toLocaleString('nl-NL')} leads?$`))).toBeVisible();
  });

  test('English shows no Dutch', async ({ page, api }) => {
    const { companyName, lastName } = await createLead(api, 'Emma', 'English');
    const fullName = `Emma ${lastName}`;
    const userData = [ADMIN_NAME, companyName, fullName];
    await api.setLanguage('en');

    await page.goto('/board');
    await expect(page.getByRole('heading', { level: 1, name: 'Board view' })).toBeVisible();
    await expect(column(page, 'Open')).toBeVisible();
    const counts = await columnCounts(page);
    expect(counts.map((entry) => entry.name).slice(0, ENGLISH_STATUSES.length)).toEqual(ENGLISH_STATUSES);
    await saveScreenshot(page, 'en-board');

    // Other tests' records carry Dutch names, so the check looks at this test's card alone.
    await filterByName(page, lastName, 'Filter by name');
    await expectNoDutch(page, userData);
    await card(column(page, 'Open'), fullName).getByRole('button', { name: `Move ${fullName} to…` }).click();
    await expect(page.getByRole('dialog', { name: `Move ${fullName} to…` })).toBeVisible();
    await expectNoDutch(page, userData);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Our contact' }).click();
    await expect(column(page, 'Without our contact')).toBeVisible();
    await expect(card(column(page, 'Without our contact'), fullName)).toContainText('Open');
    await expectNoDutch(page, userData);
    await saveScreenshot(page, 'en-board-owner');

    await page.getByRole('searchbox', { name: 'Filter by name' }).fill(uniqueName('Nobody'));
    await expect(page.getByText(/^No leads with ".*" in their name$/)).toBeVisible();
    await expectNoDutch(page, userData);
  });
});
