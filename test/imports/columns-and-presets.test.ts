import { describe, expect, it } from 'vitest';

import { mapColumns } from '../../src/imports/column-mapping.js';
import { parseCsvText } from '../../src/imports/csv-file.js';
import { decodeCsvBytes } from '../../src/imports/decode.js';
import { ImportFileError, readImportFile } from '../../src/imports/import-file.js';
import { detectPreset, normalizeValueKey, PRESETS } from '../../src/imports/presets.js';
import { readSharedDataFile } from './shared-data.js';

function headerOf(relativePath: string): string[] {
  return parseCsvText(decodeCsvBytes(readSharedDataFile(relativePath)).text).header;
}

describe('mapColumns', () => {
  it('maps Dutch headers', () => {
    const header = ['Bedrijfsnaam', 'Categorie', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'E-mailadres', 'Telefoon', 'Mobiel', 'Functie', 'Plaats', 'Land', 'Leadstatus', 'Onze contactpersoon', 'Datum geregistreerd', 'Website'];
    const { fields, ignored } = mapColumns(header, null);
    expect(Object.fromEntries(fields)).toEqual({
      companyName: 0,
      category: 1,
      firstName: 2,
      middleName: 3,
      lastName: 4,
      email: 5,
      phone: 6,
      mobile: 7,
      jobTitle: 8,
      city: 9,
      country: 10,
      leadStatus: 11,
      owner: 12,
      registeredAt: 13,
      website: 14,
    });
    expect(ignored).toEqual([]);
  });

  it('maps English headers regardless of case and punctuation', () => {
    const { fields } = mapColumns(['FIRST NAME', 'last_name', 'E-Mail', 'Company', 'lead-status', 'Owner', 'Domain', 'Registered'], null);
    expect(Object.fromEntries(fields)).toEqual({
      firstName: 0,
      lastName: 1,
      email: 2,
      companyName: 3,
      leadStatus: 4,
      owner: 5,
      website: 6,
      registeredAt: 7,
    });
  });

  it('lists unknown and duplicate columns as ignored', () => {
    const { fields, ignored } = mapColumns(['Achternaam', 'Opmerking', 'Email', 'E-mail', ''], null);
    expect(fields.get('email')).toBe(2);
    expect(ignored).toEqual([
      { header: 'Opmerking', reason: 'no field of Trechter has this name' },
      { header: 'E-mail', reason: 'column "Email" already fills this field' },
      { header: '', reason: 'the column has no name' },
    ]);
  });

  it('uses the preset names before the generic ones', () => {
    const { fields, ignored } = mapColumns(['LastName', 'Company', 'Address', 'Street', 'Lifecycle Stage'], PRESETS.salesforce);
    expect(fields.get('street')).toBe(3);
    expect(ignored.map((column) => column.header)).toEqual(['Address', 'Lifecycle Stage']);
  });
});

describe('detectPreset', () => {
  it('recognises the HubSpot export', () => {
    expect(detectPreset(headerOf('hubspot-style/contacts.csv'))?.name).toBe('hubspot');
  });

  it('recognises the Salesforce export', () => {
    expect(detectPreset(headerOf('salesforce-gen-ai-demo/Lead.csv'))?.name).toBe('salesforce');
  });

  it('recognises a Salesforce lead report by its labels', () => {
    expect(detectPreset(['First Name', 'Last Name', 'Company / Account', 'Lead Status', 'Lead Owner'])?.name).toBe('salesforce');
  });

  it('finds no preset in Dutch files', () => {
    expect(detectPreset(headerOf('nl-excel/bedrijven-personen.csv'))).toBeNull();
    expect(detectPreset(headerOf('sportlink-nl/example-input.csv'))).toBeNull();
  });

  it('finds no preset in a plain English file', () => {
    expect(detectPreset(['First Name', 'Last Name', 'Email', 'Company', 'Lead Status', 'Owner'])).toBeNull();
  });
});

describe('preset value tables', () => {
  const trechterStatuses = ['Open', 'Contacting', 'Disqualified', 'Re-nurture', 'Qualified'];

  it.each([
    ['New', 'Open'],
    ['OPEN', 'Open'],
    ['In Progress', 'Contacting'],
    ['IN_PROGRESS', 'Contacting'],
    ['Attempted to Contact', 'Contacting'],
    ['Connected', 'Contacting'],
    ['Open Deal', 'Qualified'],
    ['Unqualified', 'Disqualified'],
    ['Bad Timing', 'Re-nurture'],
  ])('maps HubSpot lead status %s to %s', (value, expected) => {
    expect(PRESETS.hubspot.leadStatuses.get(normalizeValueKey(value))).toBe(expected);
  });

  it.each([
    ['New', 'Open'],
    ['Open - Not Contacted', 'Open'],
    ['Working', 'Contacting'],
    ['Working - Contacted', 'Contacting'],
    ['Nurturing', 'Re-nurture'],
    ['Qualified', 'Qualified'],
    ['Closed - Converted', 'Qualified'],
    ['Unqualified', 'Disqualified'],
    ['Closed - Not Converted', 'Disqualified'],
  ])('maps Salesforce lead status %s to %s', (value, expected) => {
    expect(PRESETS.salesforce.leadStatuses.get(normalizeValueKey(value))).toBe(expected);
  });

  it('maps only onto the five default lead statuses', () => {
    for (const preset of Object.values(PRESETS)) {
      for (const status of preset.leadStatuses.values()) expect(trechterStatuses).toContain(status);
    }
  });

  it('ranks the HubSpot lifecycle stages in funnel order', () => {
    const stages = ['Subscriber', 'Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer', 'Evangelist'];
    const ranks = stages.map((stage) => PRESETS.hubspot.stages.get(normalizeValueKey(stage))?.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(PRESETS.hubspot.stages.get('other')?.rank).toBe(0);
  });

  it('treats the Salesforce company None as no company', () => {
    expect(PRESETS.salesforce.noCompanyValues.has(normalizeValueKey('None'))).toBe(true);
    expect(PRESETS.salesforce.noCompanyValues.has(normalizeValueKey('[not provided]'))).toBe(true);
  });
});

describe('readImportFile', () => {
  it('rejects a file without a last-name column', () => {
    const bytes = new Uint8Array(Buffer.from('Naam;E-mail\nJan de Vries;jan@example.nl\n'));
    expect(() => readImportFile(bytes, null)).toThrow(ImportFileError);
    expect(() => readImportFile(bytes, null)).toThrow('"Naam", "E-mail"');
  });

  it('uses a given preset without detecting', () => {
    const file = readImportFile(new Uint8Array(Buffer.from('First Name,Last Name,Lifecycle Stage\n')), 'hubspot');
    expect(file.preset?.name).toBe('hubspot');
    expect(file.presetDetected).toBe(false);
    expect(file.columns.fields.get('stage')).toBe(2);
  });
});
