import type { Page } from '@playwright/test';

import { expect, test, uniqueName } from './support/fixtures';

/** Roles a user operates; each needs an accessible name. */
const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'tab',
  'separator',
  'spinbutton',
  'option',
  'menuitem',
  'switch',
  'slider',
]);

interface AxNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: Array<{ name: string; value: { value: unknown } }>;
}

/** Lists the interactive elements on the page that have no accessible name, from Chromium's tree. */
async function unnamedControls(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await session.detach();
  return nodes
    .filter((node) => !node.ignored && INTERACTIVE_ROLES.has(node.role?.value ?? ''))
    .filter((node) => node.role?.value !== 'separator' || node.properties?.some((property) => property.name === 'focusable'))
    .filter((node) => (node.name?.value ?? '').trim() === '')
    .map((node) => node.role?.value ?? 'unknown');
}

test('every control has an accessible name', async ({ page, api }) => {
  const company = await api.createCompany({ name: uniqueName('Toegankelijk'), category: 'Lead' });
  const person = await api.createPerson({ firstName: 'Ada', lastName: uniqueName('Lovelace'), companyId: company.id });

  const screens: Array<[string, () => Promise<void>]> = [
    ['companies', async () => void (await page.goto('/companies'))],
    ['persons', async () => void (await page.goto('/persons'))],
    ['company card', async () => void (await page.goto(`/companies/${company.id}`))],
    ['person card', async () => void (await page.goto(`/persons/${person.id}`))],
    ['person form', async () => page.getByRole('button', { name: 'Bewerken' }).click()],
    ['company form', async () => {
      await page.goto(`/companies/${company.id}`);
      await page.getByRole('button', { name: 'Bewerken' }).click();
    }],
    ['column chooser', async () => {
      await page.goto('/persons');
      await page.getByRole('button', { name: 'Kolommen' }).click();
    }],
    ['list filter', async () => {
      await page.goto('/persons');
      await page.getByRole('button', { name: 'Filter op Leadstatus' }).click();
    }],
    ['board', async () => void (await page.goto('/board'))],
    ['board move menu', async () => {
      await page.getByRole('searchbox', { name: 'Filter op naam' }).fill(person.fullName);
      await page.getByRole('button', { name: `${person.fullName} verplaatsen naar…` }).click();
    }],
  ];

  for (const [name, open] of screens) {
    await open();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.getByText('Laden…')).toHaveCount(0);
    expect(await unnamedControls(page), `unnamed controls on ${name}`).toEqual([]);
  }
});

test('lead status flow works by keyboard', async ({ page, api }) => {
  const lastName = uniqueName('Toetsenbord');
  const company = await api.createCompany({ name: uniqueName('Toetsen bv'), category: 'Lead' });
  await api.createPerson({ firstName: 'Kim', lastName, companyId: company.id });

  await page.goto(`/companies/${company.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Tab to the filter of the Leadstatus column and filter with Space and Enter.
  const filterButton = page.getByRole('button', { name: 'Filter op Leadstatus' });
  let presses = 0;
  while (!(await filterButton.evaluate((element) => element === document.activeElement))) {
    expect(presses++, 'Tab presses before the Leadstatus filter').toBeLessThan(80);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Filter op Leadstatus' });
  await expect(popover.getByLabel('Voorwaarde')).toBeFocused();
  await expect(popover.getByRole('checkbox', { name: 'Open', exact: true })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(popover.getByRole('checkbox', { name: 'Open', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await popover.getByRole('button', { name: 'Toepassen' }).focus();
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  await expect(filterButton).toBeFocused();

  // Open the person with Enter on its link, then change the lead status with the arrow keys.
  const link = page.getByRole('link', { name: `Kim ${lastName}` });
  await link.focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('combobox', { name: 'Leadstatus' });
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await expect(picker.locator('option:checked')).toHaveText('Contact opnemen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Leadstatus gewijzigd in Contact opnemen' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Wijzigingen van de leadstatus/ }).getByRole('row').nth(1)).toContainText('Contact opnemen');
});
