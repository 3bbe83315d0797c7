import { readFileSync } from 'node:fs';

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { CsvFormatError, detectDelimiter, parseCsvText } from '../../src/imports/csv-file.js';
import { decodeCsvBytes } from '../../src/imports/decode.js';
import { sharedDataFile } from './shared-data.js';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a byte order mark', () => {
    expect(decodeCsvBytes(utf8('Naam\nZoë Öztürk\n'))).toEqual({ text: 'Naam\nZoë Öztürk\n', encoding: 'utf-8' });
  });

  it('drops the UTF-8 byte order mark', () => {
    const decoded = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Id,Name\n')]));
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text).toBe('Id,Name\n');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array(iconv.encode('Café;Zoë;€ 5;IJzerhandel Öztürk\r\n', 'windows-1252'));
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Café;Zoë;€ 5;IJzerhandel Öztürk\r\n', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a byte order mark, as Excel saves Unicode text', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('Naam\tPlaats\r\nZoë\tBreda\r\n', 'utf-16le')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Naam\tPlaats\r\nZoë\tBreda\r\n', encoding: 'utf-16le' });
  });

  it('recognises the encodings of the shared files', () => {
    expect(decodeCsvBytes(readFileSync(sharedDataFile('nl-excel/bedrijven-personen.csv'))).encoding).toBe('windows-1252');
    expect(decodeCsvBytes(readFileSync(sharedDataFile('salesforce-gen-ai-demo/Lead.csv'))).encoding).toBe('utf-8-bom');
    expect(decodeCsvBytes(readFileSync(sharedDataFile('hubspot-style/contacts.csv'))).encoding).toBe('utf-8');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['comma', 'First Name,Last Name,Email\n', ','],
    ['semicolon', 'Voornaam;Achternaam;E-mail\r\n', ';'],
    ['tab', 'Voornaam\tAchternaam\tE-mail\n', '\t'],
    ['single column', 'Achternaam\n', ','],
  ])('detects %s', (_name, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('ignores delimiters inside quoted headers', () => {
    expect(detectDelimiter('"Naam, volledig";"Plaats, land";Telefoon\n')).toBe(';');
  });

  it('looks only at the header line', () => {
    expect(detectDelimiter('Bedrijf;Achternaam\nA,B,C,D,E;F\n')).toBe(';');
  });
});

describe('parseCsvText', () => {
  it('keeps line breaks and delimiters inside quoted fields', () => {
    const table = parseCsvText('Bedrijf;Opmerking\r\n"Smit; Smit & Co";"Demo gepland.\r\nTweede afspraak"\r\nGroen;""\r\n');
    expect(table.header).toEqual(['Bedrijf', 'Opmerking']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['Smit; Smit & Co', 'Demo gepland.\r\nTweede afspraak'] },
      { rowNumber: 3, cells: ['Groen', ''] },
    ]);
  });

  it('numbers rows as a spreadsheet does and skips blank rows', () => {
    const table = parseCsvText('Achternaam;Plaats\n\nJansen;Breda\n;\nVries;Delft\n');
    expect(table.rows.map((row) => row.rowNumber)).toEqual([3, 5]);
    expect(table.blankRowNumbers).toEqual([2, 4]);
  });

  it('keeps a quote inside an unquoted field', () => {
    const table = parseCsvText('Product,Achternaam\nScherm 24" breed,Jansen\n');
    expect(table.rows[0]?.cells).toEqual(['Scherm 24" breed', 'Jansen']);
  });

  it('rejects a quote that is never closed', () => {
    expect(() => parseCsvText('Achternaam,Opmerking\nJansen,"open\n')).toThrow(CsvFormatError);
  });

  it('rejects a file without a header', () => {
    expect(() => parseCsvText('')).toThrow('no header row');
  });

  it('reads the Salesforce export with line breaks inside fields', () => {
    const text = decodeCsvBytes(readFileSync(sharedDataFile('salesforce-gen-ai-demo/Lead.csv'))).text;
    const table = parseCsvText(text);
    expect(table.delimiter).toBe(',');
    expect(table.rows).toHaveLength(14);
    expect(table.rows.every((row) => row.cells.length === table.header.length)).toBe(true);
  });
});
