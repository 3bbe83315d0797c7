import { expect, saveScreenshot, test } from './support/fixtures';
import { ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD } from './support/accounts';
import { expectNoDutch } from './support/no-dutch';
import type { Page } from '@playwright/test';

/** What the user reads and clicks in each language, so both runs follow the same steps. */
const WORDS = {
  nl: {
    companies: 'Bedrijven',
    mainMenu: 'Hoofdmenu',
    persons: 'Personen',
    newCompany: 'Nieuw bedrijf',
    name: 'Naam',
    category: 'Categorie',
    addCompany: 'Bedrijf toevoegen',
    contactsTab: 'Contactpersonen',
    addPerson: 'Persoon toevoegen',
    newPerson: 'Nieuwe persoon',
    firstName: 'Voornaam',
    middleName: 'Tussenvoegsel',
    lastName: 'Achternaam',
    addAnother: 'Toevoegen en nog een',
    leadStatus: 'Leadstatus',
    open: 'Open',
    qualified: 'Gekwalificeerd',
    qualifiedDescription: 'Klaar voor de salesfase.',
    companyDetails: 'Bedrijfsgegevens',
    lead: 'Lead',
    customer: 'Klant',
    edit: 'Bewerken',
    save: 'Opslaan',
    changeCategoryTitle: 'Categorie wijzigen in Klant?',
    retainTwo: 'Bij 2 personen wordt de leadstatus bewaard',
    changeCategory: 'Categorie wijzigen',
    notEnabled: 'Geen leadstatus: categorie "Klant" heeft geen leadstatus.',
    retained: 'Bewaarde leadstatus',
    filterLeadStatus: 'Filter op Leadstatus',
    filterCompany: 'Filter op Bedrijf',
    value: 'Waarde',
    apply: 'Toepassen',
    groupBy: 'Groeperen op',
    historyCaption: 'Wijzigingen van de leadstatus, nieuwste eerst',
  },
  en: {
    companies: 'Companies',
    mainMenu: 'Main menu',
    persons: 'Persons',
    newCompany: 'New company',
    name: 'Name',
    category: 'Category',
    addCompany: 'Add company',
    contactsTab: 'Contacts',
    addPerson: 'Add person',
    newPerson: 'New person',
    firstName: 'First name',
    middleName: 'Middle name',
    lastName: 'Last name',
    addAnother: 'Add and add another',
    leadStatus: 'Lead status',
    open: 'Open',
    qualified: 'Qualified',
    qualifiedDescription: 'Ready for the sales stage.',
    companyDetails: 'Company details',
    lead: 'Lead',
    customer: 'Customer',
    edit: 'Edit',
    save: 'Save',
    changeCategoryTitle: 'Change the category to Customer?',
    retainTwo: "2 persons' lead statuses are retained",
    changeCategory: 'Change category',
    notEnabled: 'No lead status: category "Customer" has no lead status.',
    retained: 'Retained lead status',
    filterLeadStatus: 'Filter on Lead status',
    filterCompany: 'Filter on Company',
    value: 'Value',
    apply: 'Apply',
    groupBy: 'Group by',
    historyCaption: 'Lead status changes, newest first',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

interface FlowData {
  language: 'nl' | 'en';
  company: string;
  qualifiedPerson: { first: string; middle: string; last: string; full: string };
  otherPerson: { first: string; last: string; full: string };
}

/**
 * Creates a lead company with two persons, qualifies one, moves the company to the customer
 * category, and then finds both persons by lead status in the lists.
 */
async function runLeadFlow(page: Page, words: Words, data: FlowData, checkScreen: (name: string) => Promise<void>) {
  await test.step('create the company in category Lead', async () => {
    await page.getByRole('navigation', { name: words.mainMenu }).getByRole('link', { name: words.companies }).click();
    await expect(page.getByRole('heading', { level: 1, name: words.companies })).toBeVisible();
    await page.getByRole('button', { name: words.newCompany }).first().click();
    const dialog = page.getByRole('dialog', { name: words.newCompany });
    await dialog.getByRole('textbox', { name: words.name, exact: true }).fill(data.company);
    await dialog.getByLabel(words.category).selectOption({ label: words.lead });
    await checkScreen('company-form');
    await dialog.getByRole('button', { name: words.addCompany }).click();
    await expect(page.getByRole('heading', { level: 1, name: data.company })).toBeVisible();
  });

  await test.step('add two persons, who both get lead status Open', async () => {
    await expect(page.getByRole('tab', { name: words.contactsTab })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: words.addPerson }).first().click();
    let dialog = page.getByRole('dialog', { name: words.newPerson });
    await dialog.getByLabel(words.firstName).fill(data.qualifiedPerson.first);
    await dialog.getByLabel(words.middleName).fill(data.qualifiedPerson.middle);
    await dialog.getByLabel(words.lastName).fill(data.qualifiedPerson.last);
    await dialog.getByRole('button', { name: words.addAnother }).click();

    dialog = page.getByRole('dialog', { name: words.newPerson });
    await expect(dialog.getByLabel(words.lastName)).toHaveValue('');
    await dialog.getByLabel(words.firstName).fill(data.otherPerson.first);
    await dialog.getByLabel(words.lastName).fill(data.otherPerson.last);
    await dialog.getByRole('button', { name: words.addPerson }).click();
    await expect(dialog).toBeHidden();

    for (const person of [data.qualifiedPerson, data.otherPerson]) {
      await expect(page.getByRole('row', { name: new RegExp(person.full) })).toContainText(words.open);
    }
    await checkScreen('company-card');
  });

  await test.step('set one person to Qualified', async () => {
    await page.getByRole('link', { name: data.qualifiedPerson.full }).click();
    await expect(page.getByRole('heading', { level: 1, name: data.qualifiedPerson.full })).toBeVisible();
    const picker = page.getByRole('combobox', { name: words.leadStatus });
    await expect(picker.locator('option:checked')).toHaveText(words.open);
    await picker.selectOption({ label: words.qualified });
    await expect(picker.locator('option:checked')).toHaveText(words.qualified);
    await expect(picker).toHaveAttribute('title', words.qualifiedDescription);
    await expect(picker).toHaveAccessibleDescription(words.qualifiedDescription);
    const history = page.getByRole('table', { name: words.historyCaption });
    await expect(history.getByRole('row').nth(1)).toContainText(words.qualified);
    await checkScreen('person-card');
  });

  await test.step('move the company to the customer category', async () => {
    await page.getByRole('link', { name: data.company }).first().click();
    await page.getByRole('button', { name: words.edit }).click();
    const form = page.getByRole('dialog', { name: new RegExp(data.company) });
    await form.getByLabel(words.category).selectOption({ label: words.customer });
    await form.getByRole('button', { name: words.save }).click();

    const confirmation = page.getByRole('dialog', { name: words.changeCategoryTitle });
    await expect(confirmation).toContainText(words.retainTwo);
    await checkScreen('category-change');
    await confirmation.getByRole('button', { name: words.changeCategory }).click();
    await expect(confirmation).toBeHidden();
    await expect(page.getByRole('region', { name: words.companyDetails })).toContainText(words.customer);
  });

  await test.step('the person card explains the missing lead status and shows the retained one', async () => {
    await page.getByRole('link', { name: data.qualifiedPerson.full }).click();
    await expect(page.getByText(words.notEnabled)).toBeVisible();
    await expect(page.getByText(`${words.retained}:`)).toBeVisible();
    await expect(page.locator('.lead-status-retained')).toContainText(words.qualified);
    await expect(page.getByRole('combobox', { name: words.leadStatus })).toHaveCount(0);
    await checkScreen('person-card-retained');
  });

  await test.step('find both persons in the persons list filtered on lead status', async () => {
    await page.getByRole('navigation', { name: words.mainMenu }).getByRole('link', { name: words.persons }).click();
    await expect(page.getByRole('heading', { level: 1, name: words.persons })).toBeVisible();
    await page.getByRole('button', { name: words.filterLeadStatus }).click();
    const filter = page.getByRole('dialog', { name: words.filterLeadStatus });
    await filter.getByRole('checkbox', { name: words.qualified, exact: true }).check();
    await filter.getByRole('checkbox', { name: words.open, exact: true }).check();
    await filter.getByRole('button', { name: words.apply }).click();
    await expect(filter).toBeHidden();
    await expect(page.getByRole('columnheader', { name: words.leadStatus })).toHaveClass(/filtered/);
    // Other tests add thousands of persons, so a filter on this run's company brings its two persons into view.
    await page.getByRole('button', { name: words.filterCompany }).click();
    const companyFilter = page.getByRole('dialog', { name: words.filterCompany });
    await companyFilter.getByLabel(words.value, { exact: true }).fill(data.company);
    await companyFilter.getByRole('button', { name: words.apply }).click();
    await expect(companyFilter).toBeHidden();
    const rows = page.getByRole('row').filter({ hasText: data.company });
    await expect(rows.filter({ hasText: data.qualifiedPerson.full })).toContainText(words.qualified);
    await expect(rows.filter({ hasText: data.otherPerson.full })).toContainText(words.open);
    await checkScreen('persons-filtered');
  });

  await test.step('group the company contacts by lead status', async () => {
    await page.getByRole('link', { name: data.company }).first().click();
    await page.getByLabel(words.groupBy).selectOption({ label: words.leadStatus });
    const qualifiedGroup = page.getByRole('button', { name: new RegExp(`${words.qualified}.*1`) });
    const openGroup = page.getByRole('button', { name: new RegExp(`${words.open}.*1`) });
    await expect(qualifiedGroup).toHaveAttribute('aria-expanded', 'false');
    await expect(openGroup).toBeVisible();
    await qualifiedGroup.click();
    await expect(page.getByRole('row', { name: new RegExp(data.qualifiedPerson.full) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(data.otherPerson.full) })).toHaveCount(0);
    await checkScreen('company-persons-grouped');
  });
}

/**
 * Returns the company name for this attempt. Each run starts on an empty database, so the first
 * attempt uses the plain name. A retry adds a number, because the records of earlier attempts remain.
 */
function nameForAttempt(name: string): string {
  const attempt = test.info().retry + 1;
  return attempt === 1 ? name : `${name} ${attempt}`;
}

test.describe('lead flow', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('runs in Dutch from sign-in to grouping', async ({ page, api }) => {
    const company = nameForAttempt('Bakkerij de Vries');
    await api.setLanguage('nl');

    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
    await saveScreenshot(page, 'nl-01-sign-in');
    await page.getByLabel('E-mailadres').fill(ADMIN_EMAIL);
    await page.getByLabel('Wachtwoord').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bedrijven' })).toBeVisible();

    let step = 2;
    await runLeadFlow(
      page,
      WORDS.nl,
      {
        language: 'nl',
        company,
        qualifiedPerson: { first: 'Jan', middle: 'de', last: 'Vries', full: 'Jan de Vries' },
        otherPerson: { first: 'Anna', last: 'Bakker', full: 'Anna Bakker' },
      },
      async (name) => saveScreenshot(page, `nl-${String(step++).padStart(2, '0')}-${name}`),
    );
  });

  test('runs in English without Dutch text', async ({ page, api }) => {
    const company = nameForAttempt('Jansen Bakery');
    await api.setLanguage('nl');

    await page.goto('/sign-in');
    await page.getByLabel('E-mailadres').fill(ADMIN_EMAIL);
    await page.getByLabel('Wachtwoord').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bedrijven' })).toBeVisible();

    await page.getByLabel('Taal').selectOption({ label: 'English' });
    await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoDutch(page, [ADMIN_NAME]);

    let step = 1;
    await runLeadFlow(
      page,
      WORDS.en,
      {
        language: 'en',
        company,
        qualifiedPerson: { first: 'Emma', middle: 'van', last: 'Dijk', full: 'Emma van Dijk' },
        otherPerson: { first: 'Noah', last: 'Visser', full: 'Noah Visser' },
      },
      async (name) => {
        await expectNoDutch(page, [ADMIN_NAME]);
        await saveScreenshot(page, `en-${String(step++).padStart(2, '0')}-${name}`);
      },
    );

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
    await expectNoDutch(page, [ADMIN_NAME]);
  });
});
