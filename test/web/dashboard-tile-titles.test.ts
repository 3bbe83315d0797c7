import { readFileSync } from 'node:fs';

import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { tileTitle } from '../../web/src/dashboards/tileTitle.js';

function messages(language: 'nl' | 'en'): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../web/src/i18n/${language}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** Stored Dutch title and expected English title of each tile of the default Leads dashboard. */
const DEFAULT_TILES: Array<[id: string, stored: string, english: string]> = [
  ['leads-by-status', 'Leads per status', 'Leads by status'],
  ['qualification-funnel', 'Kwalificatietrechter', 'Qualification funnel'],
  ['new-leads-this-month', 'Nieuwe leads deze maand', 'New leads this month'],
  ['leads-by-category', 'Leads per categorie', 'Leads by category'],
  ['average-days-in-status', 'Gemiddeld aantal dagen in status', 'Average days in status'],
  ['leads-by-lead-source', 'Leads per leadbron', 'Leads by lead source'],
  ['longest-waiting-open-leads', 'Langst wachtende open leads', 'Longest-waiting open leads'],
];

let dutch: TFunction;
let english: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'nl',
    resources: { nl: { translation: messages('nl') }, en: { translation: messages('en') } },
    interpolation: { escapeValue: false },
  });
  dutch = instance.getFixedT('nl');
  english = instance.getFixedT('en');
});

describe('default tile titles', () => {
  it.each(DEFAULT_TILES)('translates the stored title of %s', (id, stored, expected) => {
    expect(tileTitle(english, { id, title: stored })).toBe(expected);
    expect(tileTitle(dutch, { id, title: stored })).toBe(stored);
  });

  it('keeps a title the user changed', () => {
    expect(tileTitle(english, { id: 'leads-by-status', title: 'Leads per fase' })).toBe('Leads per fase');
    expect(tileTitle(english, { id: 'leads-by-status', title: 'leads per status' })).toBe('leads per status');
  });

  it('keeps the title of a tile with another id', () => {
    expect(tileTitle(english, { id: 'tile-abc123', title: 'Leads per status' })).toBe('Leads per status');
    expect(tileTitle(english, { id: 'toString', title: 'Leads per status' })).toBe('Leads per status');
  });
});
