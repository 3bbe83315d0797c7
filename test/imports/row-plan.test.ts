import { describe, expect, it } from 'vitest';

import { mapColumns } from '../../src/imports/column-mapping.js';
import { ListLookup, UserLookup } from '../../src/imports/name-lookup.js';
import { type ImportPreset, PRESETS } from '../../src/imports/presets.js';
import { planRows } from '../../src/imports/row-plan.js';
import { type ReadContext, readRow, type RowValues } from '../../src/imports/row-reader.js';

// The default lists of a new database, with the ids the pure functions see.
const CATEGORIES = [
  { id: 1, nameNl: 'Lead', nameEn: 'Lead', deleted: false, leadStatusEnabled: true },
  { id: 2, nameNl: 'Marketinggekwalificeerde lead (MQL)', nameEn: 'Marketing qualified lead (MQL)', deleted: false, leadStatusEnabled: true },
  { id: 3, nameNl: 'Opportunity', nameEn: 'Opportunity', deleted: false, leadStatusEnabled: true },
  { id: 4, nameNl: 'Verloren opportunity', nameEn: 'Lost opportunity', deleted: false, leadStatusEnabled: true },
  { id: 5, nameNl: 'Klant', nameEn: 'Customer', deleted: false, leadStatusEnabled: false },
  { id: 6, nameNl: 'Partner', nameEn: 'Partner', deleted: false, leadStatusEnabled: false },
  { id: 7, nameNl: 'Oud-klant', nameEn: 'Former customer', deleted: false, leadStatusEnabled: false },
  { id: 8, nameNl: 'Overig', nameEn: 'Other', deleted: false, leadStatusEnabled: false },
  { id: 9, nameNl: 'Prospect', nameEn: null, deleted: true, leadStatusEnabled: false },
];
const LEAD_STATUSES = [
  { id: 11, nameNl: 'Open', nameEn: 'Open', deleted: false },
  { id: 12, nameNl: 'Contact opnemen', nameEn: 'Contacting', deleted: false },
  { id: 13, nameNl: 'Gediskwalificeerd', nameEn: 'Disqualified', deleted: false },
  { id: 14, nameNl: 'Opnieuw benaderen', nameEn: 'Re-nurture', deleted: false },
  { id: 15, nameNl: 'Gekwalificeerd', nameEn: 'Qualified', deleted: false },
  { id: 16, nameNl: 'Koud', nameEn: null, deleted: true },
];
const USERS = [{ id: 21, name: 'Sanne Bakker', email: 'sanne@trechter.example', active: true }];

function contextFor(header: string[], preset: ImportPreset | null = null): ReadContext {
  return {
    header,
    columns: mapColumns(header, preset),
    preset,
    categories: new ListLookup(CATEGORIES),
    leadStatuses: new ListLookup(LEAD_STATUSES),
    users: new UserLookup(USERS),
    timeZone: 'Europe/Amsterdam',
  };
}

const DUTCH_HEADER = ['Bedrijf', 'Categorie', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'E-mail', 'Plaats', 'Leadstatus', 'Onze contactpersoon', 'Geregistreerd'];

/** Reads Dutch rows written as objects; a missing column is an empty cell. */
function readDutch(...rows: Array<Partial<Record<(typeof DUTCH_HEADER)[number], string>>>) {
  const context = contextFor(DUTCH_HEADER);
  return rows.map((row, index) => readRow({ rowNumber: index + 2, cells: DUTCH_HEADER.map((column) => row[column] ?? '') }, context));
}

function accepted(result: ReturnType<typeof readRow>): RowValues {
  if (result.kind !== 'accepted') throw new Error(`row was rejected: ${result.reasons.join('; ')}`);
  return result.values;
}

function reasonsOf(result: ReturnType<typeof readRow>): string[] {
  return result.kind === 'rejected' ? result.reasons : [];
}

describe('readRow', () => {
  it('resolves list values and owners by name in either language', () => {
    const [row] = readDutch({ Bedrijf: 'Bakkerij', Categorie: 'mql', Achternaam: 'Vries', Leadstatus: 'contacting', 'Onze contactpersoon': 'Sanne Bakker' });
    const values = accepted(row!);
    expect(values.category?.id).toBe(2);
    expect(values.leadStatus).toEqual({ id: 12, text: 'contacting' });
    expect(values.owner).toEqual({ id: 21, text: 'Sanne Bakker' });
    expect(values.warnings).toEqual([]);
  });

  it('rejects a row without a last name', () => {
    const [row] = readDutch({ Voornaam: 'Jan', 'E-mail': 'jan@example.nl' });
    expect(reasonsOf(row!)).toEqual(['last name is empty; every person needs one']);
  });

  it('rejects an invalid email', () => {
    const [row] = readDutch({ Achternaam: 'Vries', 'E-mail': 'jan at example' });
    expect(reasonsOf(row!)).toEqual(['email "jan at example" is not a valid email address']);
  });

  it('rejects an unknown lead status and names the valid ones', () => {
    const [row] = readDutch({ Bedrijf: 'Smit', Achternaam: 'Smit', Leadstatus: 'Onbekende status' });
    const [reason] = reasonsOf(row!);
    expect(reason).toContain('lead status "Onbekende status" is not in the lead status list');
    expect(reason).toContain('Contact opnemen / Contacting');
    expect(reason).not.toContain('Koud');
  });

  it('rejects deleted list items', () => {
    const [status, category] = readDutch({ Achternaam: 'Smit', Leadstatus: 'koud' }, { Bedrijf: 'Smit', Achternaam: 'Smit', Categorie: 'Prospect' });
    expect(reasonsOf(status!)).toEqual(['lead status "koud" is deleted; restore it in the lead status list or use another status']);
    expect(reasonsOf(category!)).toEqual(['category "Prospect" is deleted; restore it in the category list or use another category']);
  });

  it('rejects an unknown category', () => {
    const [row] = readDutch({ Bedrijf: 'Smit', Achternaam: 'Smit', Categorie: 'Leverancier' });
    expect(reasonsOf(row!)[0]).toContain('category "Leverancier" is not in the category list');
  });

  it('leaves an unknown owner empty', () => {
    const [row] = readDutch({ Achternaam: 'Smit', 'Onze contactpersoon': 'Pieter Smit' });
    const values = accepted(row!);
    expect(values.owner).toBeNull();
    expect(values.warnings).toEqual(['owner "Pieter Smit" is not a user, so the owner is left empty; add the user and import again']);
  });

  it('warns about company fields on a row without a company', () => {
    const [row] = readDutch({ Achternaam: 'Peeters', Categorie: 'Lead', Plaats: 'Breda' });
    const values = accepted(row!);
    expect(values.category).toBeNull();
    expect(values.city).toBeNull();
    expect(values.warnings).toHaveLength(2);
    expect(values.warnings[0]).toContain('city "Breda" ignored: the row has no company');
  });

  it('reads a Dutch registration date and warns about an unreadable one', () => {
    const [good, bad] = readDutch({ Achternaam: 'Smit', Geregistreerd: '03-11-2026' }, { Achternaam: 'Smit', Geregistreerd: '2026/11/03' });
    expect(accepted(good!).registeredAt?.toISOString()).toBe('2026-11-02T23:00:00.000Z');
    expect(accepted(bad!).registeredAt).toBeNull();
    expect(accepted(bad!).warnings[0]).toContain('registered date "2026/11/03" is not a date');
  });

  it('rejects a row with more values than the header has columns', () => {
    const context = contextFor(['Bedrijf', 'Achternaam']);
    const result = readRow({ rowNumber: 7, cells: ['Smit', ' Smit & Co', 'Smit'] }, context);
    expect(reasonsOf(result)[0]).toContain('the row has 3 fields but the header has 2');
  });

  it('accepts empty cells past the last column', () => {
    const context = contextFor(['Bedrijf', 'Achternaam']);
    expect(readRow({ rowNumber: 2, cells: ['Smit', 'Smit', '', ''] }, context).kind).toBe('accepted');
  });

  it('maps HubSpot statuses and stages', () => {
    const header = ['First Name', 'Last Name', 'Company Name', 'Lifecycle Stage', 'Lead Status'];
    const context = contextFor(header, PRESETS.hubspot);
    const read = (stage: string, status: string) => accepted(readRow({ rowNumber: 2, cells: ['Tess', 'Jansen', 'Dijkstra', stage, status] }, context));

    expect(read('Subscriber', 'Attempted to Contact')).toMatchObject({ category: { id: 1, rank: 1 }, leadStatus: { id: 12 } });
    expect(read('marketingqualifiedlead', 'BAD_TIMING')).toMatchObject({ category: { id: 2, rank: 3 }, leadStatus: { id: 14 } });
    expect(read('Customer', 'Open Deal')).toMatchObject({ category: { id: 5 }, leadStatus: { id: 15 } });
    expect(read('Other', 'Unqualified')).toMatchObject({ category: { id: 8, rank: 0 }, leadStatus: { id: 13 } });
  });

  it('gives a sales qualified lead the status Qualified unless the row has one', () => {
    const header = ['Last Name', 'Company Name', 'Lifecycle Stage', 'Lead Status'];
    const context = contextFor(header, PRESETS.hubspot);
    const withoutStatus = accepted(readRow({ rowNumber: 2, cells: ['Jansen', 'Delta', 'Sales Qualified Lead', ''] }, context));
    const withStatus = accepted(readRow({ rowNumber: 3, cells: ['Jansen', 'Delta', 'Sales Qualified Lead', 'In Progress'] }, context));
    expect(withoutStatus.leadStatus?.id).toBe(15);
    expect(withoutStatus.category?.id).toBe(2);
    expect(withStatus.leadStatus?.id).toBe(12);
  });

  it('rejects an unknown lifecycle stage', () => {
    const context = contextFor(['Last Name', 'Company Name', 'Lifecycle Stage'], PRESETS.hubspot);
    const result = readRow({ rowNumber: 2, cells: ['Jansen', 'Delta', 'Champion'] }, context);
    expect(reasonsOf(result)[0]).toContain('lifecycle stage "Champion" is not a known stage');
  });

  it('reads the Salesforce company None as no company', () => {
    const header = ['LastName', 'Company', 'Status'];
    const context = contextFor(header, PRESETS.salesforce);
    const values = accepted(readRow({ rowNumber: 2, cells: ['Sampson', 'None', 'Working'] }, context));
    expect(values.companyName).toBeNull();
    expect(values.leadStatus?.id).toBe(12);
  });
});

describe('planRows', () => {
  function plan(...rows: Array<Partial<Record<(typeof DUTCH_HEADER)[number], string>>>) {
    return planRows(readDutch(...rows).map(accepted));
  }

  it('merges rows of one person by email, case-insensitively, and the last row wins', () => {
    const [first, second] = plan(
      { Bedrijf: 'Bakkerij', Voornaam: 'Jan', Achternaam: 'Vries', 'E-mail': 'jan@bakkerij.example', Leadstatus: 'Open' },
      { Bedrijf: 'Bakkerij', Voornaam: 'Jan', Achternaam: 'Vries', 'E-mail': 'JAN@bakkerij.example', Leadstatus: 'Contact opnemen' },
    );
    expect(first!.person).toBe(second!.person);
    expect(first!.person.leadStatusId).toBe(12);
    expect(first!.person.email).toBe('jan@bakkerij.example');
    expect(first!.person.firstRowNumber).toBe(2);
    expect(first!.warnings).toEqual(['lead status "Open" not used: the same person in row 3 has "Contact opnemen", and the last row wins']);
    expect(second!.warnings).toEqual([]);
  });

  it('keeps people who share an email apart by first name', () => {
    const [father, daughter] = plan(
      { Voornaam: 'Kees', Achternaam: 'Visser', 'E-mail': 'visser@example.nl' },
      { Voornaam: 'Anna', Achternaam: 'Visser', 'E-mail': 'visser@example.nl' },
    );
    expect(father!.person).not.toBe(daughter!.person);
  });

  it('merges rows without email by name within the company', () => {
    const rows = plan(
      { Bedrijf: 'Delta', Voornaam: 'Julia', Tussenvoegsel: 'de', Achternaam: 'Groot' },
      { Bedrijf: 'DELTA', Voornaam: 'julia', Achternaam: 'de Groot' },
      { Bedrijf: 'Anders', Voornaam: 'Julia', Achternaam: 'de Groot' },
    );
    expect(rows[0]!.person).toBe(rows[1]!.person);
    expect(rows[2]!.person).not.toBe(rows[0]!.person);
  });

  it('groups a company by name, ignoring case and accents', () => {
    const rows = plan({ Bedrijf: 'Élan Design', Achternaam: 'Bakker' }, { Bedrijf: 'elan design', Achternaam: 'Smit' });
    expect(rows[0]!.person.company).toBe(rows[1]!.person.company);
    expect(rows[0]!.person.company?.name).toBe('Élan Design');
  });

  it('gives a company the category further in the funnel', () => {
    const header = ['Last Name', 'Company Name', 'Lifecycle Stage'];
    const context = contextFor(header, PRESETS.hubspot);
    const rows = planRows(
      [
        ['Jansen', 'Delta', 'Subscriber'],
        ['Vos', 'Delta', 'Customer'],
        ['Bos', 'Delta', 'Lead'],
      ].map((cells, index) => accepted(readRow({ rowNumber: index + 2, cells }, context))),
    );
    expect(rows[0]!.person.company?.categoryId).toBe(5);
    expect(rows[0]!.warnings[0]).toContain('lifecycle stage "Subscriber" not used for the category: company "Delta" gets "Klant / Customer"');
    expect(rows[1]!.warnings).toEqual([]);
  });

  it('links a company named in one row and given by domain in another', () => {
    const header = ['Last Name', 'Company Name', 'Website'];
    const context = contextFor(header);
    const rows = planRows(
      [
        ['Jansen', 'Tulpen Export', 'https://www.tulpenexport.example/'],
        ['Vos', '', 'tulpenexport.example'],
      ].map((cells, index) => accepted(readRow({ rowNumber: index + 2, cells }, context))),
    );
    expect(rows[1]!.person.company).toBe(rows[0]!.person.company);
    expect(rows[0]!.person.company?.domain).toBe('tulpenexport.example');
  });

  it('warns when rows give one company different values', () => {
    const rows = plan({ Bedrijf: 'Delta', Achternaam: 'Vos', Plaats: 'Utrecht' }, { Bedrijf: 'Delta', Achternaam: 'Bos', Plaats: 'Amsterdam' });
    expect(rows[0]!.person.company?.city).toBe('Amsterdam');
    expect(rows[0]!.warnings).toEqual(['city "Utrecht" not used: company "Delta" gets "Amsterdam" from row 3, and the last row wins']);
  });

  it('keeps the earliest registration date of a person', () => {
    const rows = plan(
      { Achternaam: 'Vos', 'E-mail': 'vos@example.nl', Geregistreerd: '05-05-2026' },
      { Achternaam: 'Vos', 'E-mail': 'vos@example.nl', Geregistreerd: '01-01-2026' },
    );
    expect(rows[0]!.person.registeredAt?.toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });
});
