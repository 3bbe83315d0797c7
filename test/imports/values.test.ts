import { describe, expect, it } from 'vitest';

import { ListLookup, UserLookup } from '../../src/imports/name-lookup.js';
import { cleanCell, foldKey, isValidEmail, normalizeDomain, parseImportDate } from '../../src/imports/values.js';

const AMSTERDAM = 'Europe/Amsterdam';

describe('parseImportDate', () => {
  it.each([
    ['03-11-2026', '2026-11-02T23:00:00.000Z'],
    ['3/11/2026', '2026-11-02T23:00:00.000Z'],
    ['03.11.2026 08:46', '2026-11-03T07:46:00.000Z'],
    ['15-07-2026', '2026-07-14T22:00:00.000Z'],
    ['2026-11-03', '2026-11-02T23:00:00.000Z'],
    ['2026-07-06 13:09', '2026-07-06T11:09:00.000Z'],
    ['2024-07-11T21:22:06.000+0000', '2024-07-11T21:22:06.000Z'],
    ['2024-07-11T21:22:06Z', '2024-07-11T21:22:06.000Z'],
    ['2024-07-11T23:22:06+02:00', '2024-07-11T21:22:06.000Z'],
  ])('reads %s', (value, expected) => {
    expect(parseImportDate(value, AMSTERDAM)?.toISOString()).toBe(expected);
  });

  it('reads local times around the switch to summer time', () => {
    expect(parseImportDate('2026-03-29 01:30', AMSTERDAM)?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(parseImportDate('2026-03-29 03:30', AMSTERDAM)?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each(['31-02-2026', '2026-13-01', '11/3/26', 'gisteren', '03-11-2026 25:00', ''])('rejects %j', (value) => {
    expect(parseImportDate(value, AMSTERDAM)).toBeNull();
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['fietsdelta.example', 'fietsdelta.example'],
    ['https://www.Example.nl/contact?x=1', 'example.nl'],
    ['http://example.nl:8080', 'example.nl'],
    ['WWW.EXAMPLE.NL', 'example.nl'],
  ])('reduces %s to %s', (value, expected) => {
    expect(normalizeDomain(value)).toBe(expected);
  });

  it('returns null for text that is not a host name', () => {
    expect(normalizeDomain('geen website')).toBeNull();
  });
});

describe('cell values', () => {
  it('trims cells and turns empty ones into null', () => {
    expect(cleanCell('  Jan \r\n de  Vries ')).toBe('Jan de Vries');
    expect(cleanCell('   ')).toBeNull();
    expect(cleanCell(undefined)).toBeNull();
    expect(cleanCell('Ja\u0000n')).toBe('Jan');
  });

  it('folds accents and case in name keys', () => {
    expect(foldKey('Élan  Design ')).toBe(foldKey('elan design'));
    expect(foldKey('Öztürk')).toBe('ozturk');
  });

  it('accepts ordinary email addresses only', () => {
    expect(isValidEmail('JAN@bakkerijdevries.example')).toBe(true);
    expect(isValidEmail('jan.de.vries+crm@example.co.uk')).toBe(true);
    expect(isValidEmail('jan@localhost')).toBe(false);
    expect(isValidEmail('jan de vries@example.nl')).toBe(false);
    expect(isValidEmail('www.example.nl')).toBe(false);
  });
});

describe('ListLookup', () => {
  const lookup = new ListLookup([
    { id: 1, nameNl: 'Lead', nameEn: 'Lead', deleted: false },
    { id: 2, nameNl: 'Marketinggekwalificeerde lead (MQL)', nameEn: 'Marketing qualified lead (MQL)', deleted: false },
    { id: 3, nameNl: 'Klant', nameEn: 'Customer', deleted: false },
    { id: 4, nameNl: 'Prospect (P)', nameEn: null, deleted: true },
    { id: 5, nameNl: 'Partner (P)', nameEn: null, deleted: false },
  ]);

  it('finds items by either language, case-insensitively', () => {
    expect(lookup.find('klant')?.id).toBe(3);
    expect(lookup.find(' CUSTOMER ')?.id).toBe(3);
  });

  it('finds an item by the part in brackets or the part before it', () => {
    expect(lookup.find('MQL')?.id).toBe(2);
    expect(lookup.find('Marketinggekwalificeerde lead')?.id).toBe(2);
  });

  it('does not guess between items that share a short form', () => {
    expect(lookup.find('P')).toBeUndefined();
  });

  it('lists only items that can be chosen', () => {
    expect(lookup.selectableNames()).toEqual(['Lead', 'Marketinggekwalificeerde lead (MQL) / Marketing qualified lead (MQL)', 'Klant / Customer', 'Partner (P)']);
  });
});

describe('UserLookup', () => {
  const users = new UserLookup([
    { id: 1, name: 'Sanne Bakker', email: 'sanne@trechter.example', active: true },
    { id: 2, name: 'Pieter Smit', email: 'pieter@trechter.example', active: false },
    { id: 3, name: 'Jan Jansen', email: 'jan1@trechter.example', active: true },
    { id: 4, name: 'Jan Jansen', email: 'jan2@trechter.example', active: true },
  ]);

  it('finds a user by name or email', () => {
    expect(users.find('sanne bakker')).toEqual({ kind: 'found', user: expect.objectContaining({ id: 1 }) });
    expect(users.find('SANNE@trechter.example')).toEqual({ kind: 'found', user: expect.objectContaining({ id: 1 }) });
  });

  it('reports inactive, ambiguous and unknown owners', () => {
    expect(users.find('Pieter Smit').kind).toBe('inactive');
    expect(users.find('Jan Jansen')).toEqual({ kind: 'ambiguous', count: 2 });
    expect(users.find('Kees Visser').kind).toBe('notFound');
  });
});
