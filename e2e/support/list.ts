import { expect, type Locator, type Page } from '@playwright/test';

/** Returns the filter button of a column, whether or not a filter is active on it. */
export function filterButton(page: Page, column: string): Locator {
  const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('button', { name: new RegExp(`^Filter op ${escaped}( \\(actief\\))?$`) });
}

/** Applies a "starts with" text filter on a list column through its filter popover. */
export async function filterStartsWith(page: Page, column: string, text: string): Promise<void> {
  await filterButton(page, column).click();
  const popover = page.getByRole('dialog', { name: `Filter op ${column}` });
  await expect(popover.getByLabel('Voorwaarde')).toHaveValue('startsWith');
  await popover.getByLabel('Waarde', { exact: true }).fill(text);
  await popover.getByRole('button', { name: 'Toepassen' }).click();
  await expect(popover).toBeHidden();
}

/** Applies a list filter ("is een van" or "is niet een van") with exactly the given choices checked. */
export async function filterList(page: Page, column: string, operator: 'Is een van' | 'Is niet een van', choices: string[]): Promise<void> {
  await filterButton(page, column).click();
  const popover = page.getByRole('dialog', { name: `Filter op ${column}` });
  await popover.getByLabel('Voorwaarde').selectOption({ label: operator });
  await expect(popover.getByRole('checkbox').first()).toBeVisible();
  for (const checkbox of await popover.getByRole('checkbox').all()) {
    const label = (await checkbox.evaluate((element) => element.closest('label')?.textContent ?? '')).trim();
    await checkbox.setChecked(choices.includes(label));
  }
  await popover.getByRole('button', { name: 'Toepassen' }).click();
  await expect(popover).toBeHidden();
}

/** Returns the texts of the first cells of the rendered body rows, in screen order. */
export async function firstColumnTexts(page: Page): Promise<string[]> {
  const rows = page.locator('.list-body-row');
  return rows.evaluateAll((elements) =>
    elements
      .map((element) => ({ top: element.getBoundingClientRect().top, text: element.querySelector('[role="cell"]')?.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((row) => row.text),
  );
}

/** Returns the accessible names of the list's column headers, in screen order. */
export async function columnHeaderNames(page: Page): Promise<string[]> {
  return page.getByRole('columnheader').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
}
