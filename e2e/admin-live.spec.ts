import type { APIRequestContext } from '@playwright/test';

import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';

const TRIGGERS = ['leadStatusSet', 'saleRegistered', 'saleSold', 'saleLost'] as const;

/** Switches every automation rule off, so no other test sees a company move by itself. */
async function switchRulesOff(request: APIRequestContext, csrfToken: string): Promise<void> {
  const current = (await (await request.get('/api/automation-rules')).json()) as { version: number };
  const rules = TRIGGERS.map((trigger) => ({ trigger, enabled: false, leadStatusId: null, targetCategoryId: null, askConfirmation: false }));
  const response = await request.put('/api/automation-rules', { data: { rules, version: current.version }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.ok(), await response.text()).toBe(true);
}

test.describe('Beheer on the real server', () => {
  test.afterEach(async ({ request, session }) => {
    await switchRulesOff(request, session.csrfToken);
  });

  test('automation rule saved and applied', async ({ page, api, request }) => {
    await page.goto('/admin/automation');
    await expect(page.getByRole('heading', { level: 1, name: 'Automatische categorisering' })).toBeVisible();
    const rule = page.getByRole('region', { name: 'Leadstatus van een persoon gezet' });
    await rule.getByRole('switch', { name: 'Regel aan: Leadstatus van een persoon gezet' }).check();
    await expect(page.getByRole('button', { name: 'Opslaan' })).toBeDisabled();
    await rule.getByLabel('Leadstatus die de regel start').selectOption({ label: 'Gekwalificeerd' });
    await rule.getByLabel('Nieuwe categorie van het bedrijf').selectOption({ label: 'Opportunity' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('De regels voor automatische categorisering zijn opgeslagen.')).toBeVisible();
    await saveScreenshot(page, 'admin-automation-live');

    const saved = (await (await request.get('/api/automation-rules')).json()) as { rules: Array<Record<string, unknown>> };
    expect(saved.rules[0]).toMatchObject({
      trigger: 'leadStatusSet',
      enabled: true,
      leadStatusId: await api.leadStatusId('Gekwalificeerd'),
      targetCategoryId: await api.categoryId('Opportunity'),
      askConfirmation: false,
    });

    // Qualifying a person of a company in Lead on the person card moves the company to Opportunity.
    const company = await api.createCompany({ name: uniqueName('Rule Works'), category: 'Lead' });
    const person = await api.createPerson({ firstName: 'Rik', lastName: uniqueName('Regel'), companyId: company.id });
    await page.goto(`/persons/${person.id}`);
    await page.getByRole('combobox', { name: 'Leadstatus' }).selectOption({ label: 'Gekwalificeerd' });
    await expect(page.getByText(/staat nu in categorie Opportunity/)).toBeVisible();
    expect((await api.getCompany(company.id)).category?.name).toBe('Opportunity');
    expect((await api.getPerson(person.id)).leadStatus?.name).toBe('Gekwalificeerd');

  });

  test('audit log lists real changes', async ({ page, api }) => {
    const name = uniqueName('Audit Works');
    const company = await api.createCompany({ name, category: 'Lead' });
    await api.updateCompany(company.id, company.version, { city: 'Zwolle' });

    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
    const rows = page.getByRole('row').filter({ hasText: `Bedrijf ${company.id} ·` });
    await expect(rows.filter({ hasText: 'aangemaakt' })).toContainText(name);
    await expect(rows.filter({ hasText: 'gewijzigd' })).toContainText('Plaats: Zwolle');
    await expect(rows.first()).toContainText('Beheerder');
    await saveScreenshot(page, 'admin-audit-live');
  });
});
