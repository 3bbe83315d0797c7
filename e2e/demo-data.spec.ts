import type { Page } from '@playwright/test';

import { expect, saveScreenshot, test } from './support/fixtures';

/*
 * These tests run against a server whose database the demo data command filled (2,000 persons),
 * as a new user sees Trechter after following the README.
 */

function tile(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

/** Reads the number at the end of a drill-down button's name, such as "Gekwalificeerd: 1.234". */
function numberIn(text: string | null): number {
  return Number((text ?? '').replace(/^.*: /, '').replace(/\./g, ''));
}

test('Leads dashboard on demo data fills every tile and agrees with the lists', async ({ page, api }) => {
  // Charts without their grow-in animation, so the screenshot shows them whole.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/dashboards');
  await page.getByRole('link', { name: /Leads/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  const grid = page.locator('.dashboard-grid');
  await expect(grid.locator('.tile')).toHaveCount(7);
  await expect(grid.getByRole('status')).toHaveCount(0);
  await expect(grid.getByRole('alert')).toHaveCount(0);
  // No tile is empty: the demo data has leads in every status, sources, new leads and sales.
  await expect(grid.locator('.tile-empty')).toHaveCount(0);
  await expect(grid.locator('canvas')).toHaveCount(5);
  await saveScreenshot(page, 'nl-dashboard-leads-demo');

  for (const [title, name] of [
    ['Leads per status', 'Gekwalificeerd'],
    ['Kwalificatietrechter', 'Verkocht'],
  ] as const) {
    const button = tile(page, title).getByRole('button', { name: new RegExp(`^${name}: [\\d.]+$`) });
    const counted = numberIn(await button.textContent());
    expect(counted, `${title}: ${name}`).toBeGreaterThan(0);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/find\?/);
    const criteria = JSON.parse(new URL(page.url()).searchParams.get('criteria') ?? 'null') as unknown[];
    expect(await api.personTotal(criteria), `${title}: ${name}`).toBe(counted);
    await page.goBack();
    await expect(grid.locator('.tile')).toHaveCount(7);
  }
});

test('person card on demo data shows the time per status', async ({ page }) => {
  await page.goto('/persons');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Tijd per status' })).toBeVisible();
  await saveScreenshot(page, 'nl-person-time-per-status-demo');
});
