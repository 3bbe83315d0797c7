import type { APIRequestContext } from '@playwright/test';

import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';

type Trigger = 'leadStatusSet' | 'saleRegistered' | 'saleSold' | 'saleLost';

interface Rule {
  trigger: Trigger;
  enabled: boolean;
  leadStatusId: number | null;
  targetCategoryId: number | null;
  askConfirmation: boolean;
}

const TRIGGERS: Trigger[] = ['leadStatusSet', 'saleRegistered', 'saleSold', 'saleLost'];

/**
 * Saves the category automation rules: the given ones enabled, the others disabled. The rules
 * apply to the whole test server, so every test disables them again when it ends.
 */
async function saveRules(request: APIRequestContext, csrfToken: string, enabled: Partial<Record<Trigger, Omit<Rule, 'trigger' | 'enabled'>>>) {
  const current = await request.get('/api/automation-rules');
  const { version } = (await current.json()) as { version: number };
  const rules = TRIGGERS.map((trigger) => {
    const rule = enabled[trigger];
    return rule === undefined
      ? { trigger, enabled: false, leadStatusId: null, targetCategoryId: null, askConfirmation: false }
      : { trigger, enabled: true, ...rule };
  });
  const response = await request.put('/api/automation-rules', { data: { rules, version }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.ok(), await response.text()).toBe(true);
}

test.describe('sales and category automation', () => {
  test.afterEach(async ({ request, session }) => {
    await saveRules(request, session.csrfToken, {});
  });

  test('registers sales and marks them won and lost', async ({ page, api, request, session }) => {
    await saveRules(request, session.csrfToken, {
      saleSold: { leadStatusId: null, targetCategoryId: await api.categoryId('Klant'), askConfirmation: false },
    });
    const companyName = uniqueName('Verkoop');
    const company = await api.createCompany({ name: companyName, category: 'Opportunity' });
    const buyer = await api.createPerson({ firstName: 'Iris', lastName: uniqueName('Inkoop'), companyId: company.id });

    await page.goto(`/companies/${company.id}?tab=sales`);
    await expect(page.getByText('Nog geen verkopen')).toBeVisible();

    await page.getByRole('button', { name: 'Nieuwe verkoop' }).click();
    const form = page.getByRole('dialog', { name: `Nieuwe verkoop voor ${companyName}` });
    await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('Jaarlicentie');
    // The English way of writing it would be read the wrong way round in Dutch, so it is refused.
    await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('Jaarlicentie');
    await form.getByLabel('Bedrag').fill('1,250.50');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByText('Vul een bedrag in euro in, zoals 12.500 of 1.250,50, met hoogstens twee decimalen.')).toBeVisible();
    await form.getByLabel('Bedrag').fill('1.250,50');
    await form.getByLabel('Verkoopdatum').fill('2026-11-20');
    await form.getByLabel('Persoon', { exact: true }).selectOption({ label: buyer.fullName });
    await saveScreenshot(page, 'sales-new');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form).toBeHidden();

    const table = page.getByRole('table', { name: `Verkopen van ${companyName}` });
    const licence = table.getByRole('row', { name: /Jaarlicentie/ });
    await expect(licence).toContainText('€ 1.250,50');
    await expect(licence).toContainText('20-11-2026');
    await expect(licence).toContainText(buyer.fullName);
    await expect(licence).toContainText('Open');

    await page.getByRole('button', { name: 'Nieuwe verkoop' }).click();
    await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('Onderhoud');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form).toBeHidden();
    const maintenance = table.getByRole('row', { name: /Onderhoud/ });
    await expect(maintenance).toBeVisible();

    await maintenance.getByRole('button', { name: 'Onderhoud als verloren markeren' }).click();
    const lost = page.getByRole('dialog', { name: 'Onderhoud als verloren markeren' });
    await lost.getByLabel('Reden').fill('Te duur');
    await lost.getByRole('button', { name: 'Verloren' }).click();
    await expect(lost).toBeHidden();
    await expect(maintenance.getByRole('button')).toHaveCount(0);
    await expect(maintenance).toContainText('Verloren · Te duur');

    await licence.getByRole('button', { name: 'Jaarlicentie als gewonnen markeren' }).click();
    await expect(licence.getByRole('button')).toHaveCount(0);
    await expect(licence).toContainText('Gewonnen');
    await expect(page.getByText(`${companyName} staat nu in categorie Klant.`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Bedrijfsgegevens' })).toContainText('Klant');
    await saveScreenshot(page, 'sales-tab');
  });

  test('registers a sale from the person card', async ({ page, api }) => {
    const companyName = uniqueName('Kaartverkoop');
    const company = await api.createCompany({ name: companyName, category: 'Lead' });
    const buyer = await api.createPerson({ firstName: 'Noor', lastName: uniqueName('Koper'), companyId: company.id });

    await page.goto(`/persons/${buyer.id}`);
    await page.getByRole('button', { name: 'Nieuwe verkoop' }).click();
    const form = page.getByRole('dialog', { name: `Nieuwe verkoop voor ${companyName}` });
    await expect(form.getByLabel('Persoon', { exact: true })).toHaveValue(String(buyer.id));
    await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('Proefabonnement');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByText('Verkoop opgeslagen.')).toBeVisible();

    await page.goto(`/companies/${company.id}?tab=sales`);
    const row = page.getByRole('table', { name: `Verkopen van ${companyName}` }).getByRole('row', { name: /Proefabonnement/ });
    await expect(row).toContainText(buyer.fullName);
  });

  test('asks before moving the company of a qualified lead', async ({ page, api, request, session }) => {
    await saveRules(request, session.csrfToken, {
      leadStatusSet: {
        leadStatusId: await api.leadStatusId('Gekwalificeerd'),
        targetCategoryId: await api.categoryId('Opportunity'),
        askConfirmation: true,
      },
    });
    const companyName = uniqueName('Vraag');
    const company = await api.createCompany({ name: companyName, category: 'Lead' });
    const person = await api.createPerson({ firstName: 'Ruben', lastName: uniqueName('Lead'), companyId: company.id });

    await page.goto(`/persons/${person.id}`);
    await page.getByRole('combobox', { name: 'Leadstatus' }).selectOption({ label: 'Gekwalificeerd' });

    const question = page.getByRole('dialog', { name: `Bedrijf ${companyName} naar Opportunity verplaatsen?` });
    await expect(question).toBeVisible();
    await expect(question.getByLabel('Categorie')).toHaveValue(String(await api.categoryId('Opportunity')));
    await saveScreenshot(page, 'automation-question');

    await question.getByRole('button', { name: 'Naar Opportunity verplaatsen' }).click();
    await expect(question).toBeHidden();
    await expect(page.getByText(`${companyName} staat nu in categorie Opportunity.`)).toBeVisible();

    await page.goto(`/companies/${company.id}`);
    await expect(page.getByRole('region', { name: 'Bedrijfsgegevens' })).toContainText('Opportunity');
  });

  test('leaves the company alone when the user declines', async ({ page, api, request, session }) => {
    await saveRules(request, session.csrfToken, {
      leadStatusSet: {
        leadStatusId: await api.leadStatusId('Gekwalificeerd'),
        targetCategoryId: await api.categoryId('Opportunity'),
        askConfirmation: true,
      },
    });
    const companyName = uniqueName('Nee');
    const company = await api.createCompany({ name: companyName, category: 'Lead' });
    const person = await api.createPerson({ firstName: 'Noor', lastName: uniqueName('Lead'), companyId: company.id });

    await page.goto(`/persons/${person.id}`);
    await page.getByRole('combobox', { name: 'Leadstatus' }).selectOption({ label: 'Gekwalificeerd' });
    const question = page.getByRole('dialog', { name: `Bedrijf ${companyName} naar Opportunity verplaatsen?` });
    await question.getByRole('button', { name: 'Niet verplaatsen' }).click();
    await expect(question).toBeHidden();

    await page.goto(`/companies/${company.id}`);
    await expect(page.getByRole('region', { name: 'Bedrijfsgegevens' })).toContainText('Lead');
    await expect(page.getByRole('region', { name: 'Bedrijfsgegevens' })).not.toContainText('Opportunity');
  });
});
