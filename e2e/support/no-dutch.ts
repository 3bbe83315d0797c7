import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, type Page } from '@playwright/test';

type Messages = { [key: string]: string | Messages };

function readMessages(language: 'nl' | 'en'): Messages {
  return JSON.parse(readFileSync(path.join('web', 'src', 'i18n', `${language}.json`), 'utf8')) as Messages;
}

function leaves(messages: Messages): string[] {
  return Object.values(messages).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value)));
}

/** Dutch names of the default list items, which the API sends in the user's language. */
const DUTCH_LIST_ITEMS = [
  'Contact opnemen',
  'Gediskwalificeerd',
  'Opnieuw benaderen',
  'Gekwalificeerd',
  'Marketinggekwalificeerde lead',
  'Verloren opportunity',
  'Oud-klant',
  'Potentiële klant',
  'Klant',
  'Overig',
  'Verloren',
  'Er is nog geen contact geweest',
  'Sales probeert de lead te bereiken',
  'De lead voldoet niet aan de criteria',
  'Mogelijk later relevant',
  'Klaar voor de salesfase',
];

/**
 * Fragments of Dutch interface text that never occur in English text: the static parts (without
 * {{placeholders}}) of every Dutch message that differs from the English ones. Short fragments are
 * left out because words such as "Open" or "Lead" are the same in both languages.
 */
function dutchFragments(): string[] {
  const english = leaves(readMessages('en'));
  const fragments = new Set<string>(DUTCH_LIST_ITEMS);
  for (const message of leaves(readMessages('nl'))) {
    for (const part of message.split(/\{\{[^}]+\}\}/)) {
      const fragment = part.trim().replace(/[.:;,…]+$/, '');
      if (fragment.length < 6) continue;
      if (english.some((text) => text.includes(fragment))) continue;
      fragments.add(fragment);
    }
  }
  return [...fragments];
}

const FRAGMENTS = dutchFragments();

/**
 * Fails when any Dutch interface text is visible or announced (accessible names) on the page.
 * `userData` lists texts that users typed or the server stored, such as names, which are left out.
 */
export async function expectNoDutch(page: Page, userData: string[] = []): Promise<void> {
  const withoutUserData = (text: string) => userData.reduce((result, data) => result.split(data).join(' '), text);
  const visibleText = withoutUserData(await page.locator('body').innerText());
  const accessibleText = withoutUserData(await page.locator('body').ariaSnapshot());
  const found = FRAGMENTS.filter((fragment) => visibleText.includes(fragment) || accessibleText.includes(fragment));
  expect(found, `Dutch text on the English screen ${page.url()}`).toEqual([]);
}
