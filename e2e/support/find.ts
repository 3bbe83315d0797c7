import type { Locator, Page } from '@playwright/test';

import { expect } from './fixtures';

/** Returns the criteria set with this number, from 1. */
export function criteriaSet(page: Page, number: number): Locator {
  return page.getByRole('region', { name: `Set ${number}` });
}

/** Returns a line of a criteria set, both numbered from 1. */
export function line(page: Page, set: number, number: number): Locator {
  return criteriaSet(page, set).getByRole('group', { name: `Regel ${number}` });
}

export async function chooseField(target: Locator, field: string, operator?: string): Promise<void> {
  await target.getByLabel('Veld', { exact: true }).selectOption({ label: field });
  if (operator !== undefined) await target.getByLabel('Voorwaarde', { exact: true }).selectOption({ label: operator });
}

export async function chooseValues(page: Page, target: Locator, field: string, values: string[]): Promise<void> {
  await target.getByRole('button', { name: new RegExp(`^Waarden voor ${field}:`) }).click();
  const popover = page.getByRole('dialog', { name: `Waarden kiezen voor ${field}` });
  for (const value of values) await popover.getByRole('checkbox', { name: value, exact: true }).check();
  await popover.getByRole('button', { name: 'Gereed' }).click();
  await expect(popover).toBeHidden();
}

export function countText(count: number, one: string, other: string): string {
  return `${new Intl.NumberFormat('nl-NL').format(count)} ${count === 1 ? one : other}`;
}

export const personCount = (count: number) => countText(count, 'persoon voldoet aan de criteria', 'personen voldoen aan de criteria');

/** Runs the search and waits for its results, so the address contains the criteria searched. */
export async function search(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Resultaat' })).toBeVisible();
}
