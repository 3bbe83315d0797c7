import type { Page } from '@playwright/test';

import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';

function tile(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

test('Leads dashboard on the real server agrees with the lists', async ({ page, api }) => {
  const company = await api.createCompany({ name: uniqueName('Dashboard bv'), category: 'Lead' });
  const qualified = await api.leadStatusId('Gekwalificeerd');
  for (const firstName of ['Ada', 'Bo', 'Cor']) {
    const person = await api.createPerson({ firstName, lastName: uniqueName('Meting'), companyId: company.id });
    if (firstName !== 'Cor') await api.updatePerson(person.id, person.version, { leadStatusId: qualified });
  }

  await page.goto('/dashboards');
  await page.getByRole('link', { name: /Leads/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  const grid = page.locator('.dashboard-grid');
  await expect(grid.locator('.tile')).toHaveCount(7);
  await expect(grid.getByRole('status')).toHaveCount(0);
  await expect(grid.getByRole('alert')).toHaveCount(0);
  await saveScreenshot(page, 'nl-dashboard-leads-live');

  // The Gekwalificeerd column counts exactly the persons its drill-down lists.
  const bar = tile(page, 'Leads per status').getByRole('button', { name: /^Gekwalificeerd: [\d.]+$/ });
  const shown = Number(((await bar.getAttribute('aria-label')) ?? (await bar.textContent()) ?? '').replace(/^.*: /, '').replace(/\./g, ''));
  expect(shown).toBeGreaterThanOrEqual(2);
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/find\?/);
  const criteria = JSON.parse(new URL(page.url()).searchParams.get('criteria') ?? 'null') as unknown[];
  expect(await api.personTotal(criteria)).toBe(shown);
  const count = `${new Intl.NumberFormat('nl-NL').format(shown)} ${shown === 1 ? 'persoon voldoet' : 'personen voldoen'} aan de criteria`;
  await expect(page.getByText(count)).toBeVisible();

  // The funnel's step opens the persons who reached the status this quarter, and the find screen
  // shows that line as it was counted.
  await page.goBack();
  const step = tile(page, 'Kwalificatietrechter').getByRole('button', { name: /^Gekwalificeerd: [\d.]+$/ });
  const reached = Number(((await step.textContent()) ?? '').replace(/^.*: /, '').replace(/\./g, ''));
  expect(reached).toBeGreaterThanOrEqual(2);
  await step.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/find\?/);
  const stepCriteria = JSON.parse(new URL(page.url()).searchParams.get('criteria') ?? 'null') as unknown[];
  expect(await api.personTotal(stepCriteria)).toBe(reached);
  const reachedLine = page.getByRole('group', { name: /^Regel/ }).filter({ has: page.locator('option:checked', { hasText: 'Leadstatus bereikt' }) });
  await expect(reachedLine.getByLabel('Status', { exact: true })).toHaveValue(String(qualified));
  await expect(reachedLine.getByLabel('Voorwaarde', { exact: true })).toHaveValue('thisQuarter');
  await saveScreenshot(page, 'nl-dashboard-funnel-drill-down');
});
