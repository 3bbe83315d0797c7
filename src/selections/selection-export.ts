import type { Actor } from '../auth/actor.js';
import { listCompanies } from '../companies/company-list.js';
import { toCompany } from '../companies/company.js';
import { categoryGroupLabel } from '../criteria/category-groups.js';
import type { Executor } from '../db/database.js';
import type { Language } from '../db/schema.js';
import { listPersons } from '../persons/person-list.js';
import { toPerson } from '../persons/person.js';
import { type Selection, selectionFilter } from './selection.service.js';

export type CsvSeparator = 'comma' | 'semicolon';

/** Rows read per query while exporting. */
const EXPORT_PAGE_SIZE = 500;

/** The byte order mark, so that Excel opens the file as UTF-8. */
const BOM = '\uFEFF';

interface ExportColumn<T> {
  header: Record<Language, string>;
  /** The cell's value; dates are written as YYYY-MM-DD in the organisation's time zone. */
  value: (record: T, timeZone: string) => string | number | null;
}

/** Writes the calendar date of an instant in the time zone, as YYYY-MM-DD. */
function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

type ExportedPerson = ReturnType<typeof toPerson>;
type ExportedCompany = ReturnType<typeof toCompany>;

const PERSON_COLUMNS: ExportColumn<ExportedPerson>[] = [
  { header: { nl: 'Id', en: 'Id' }, value: (person) => person.id },
  { header: { nl: 'Voornaam', en: 'First name' }, value: (person) => person.firstName },
  { header: { nl: 'Tussenvoegsel', en: 'Middle name' }, value: (person) => person.middleName },
  { header: { nl: 'Achternaam', en: 'Last name' }, value: (person) => person.lastName },
  { header: { nl: 'Bedrijf', en: 'Company' }, value: (person) => person.company?.name ?? null },
  { header: { nl: 'Functie', en: 'Job title' }, value: (person) => person.jobTitle },
  { header: { nl: 'E-mail', en: 'Email' }, value: (person) => person.email },
  { header: { nl: 'Telefoon', en: 'Phone' }, value: (person) => person.phone },
  { header: { nl: 'Mobiel', en: 'Mobile' }, value: (person) => person.mobile },
  { header: { nl: 'Categorie', en: 'Category' }, value: (person) => person.category?.name ?? null },
  { header: { nl: 'Leadstatus', en: 'Lead status' }, value: (person) => person.leadStatus?.name ?? null },
  { header: { nl: 'Dagen in status', en: 'Days in status' }, value: (person) => person.daysInStatus },
  { header: { nl: 'Onze contactpersoon', en: 'Our contact' }, value: (person) => person.owner?.name ?? null },
  { header: { nl: 'Geregistreerd op', en: 'Registered on' }, value: (person, timeZone) => localDate(person.registeredAt, timeZone) },
];

function companyColumns(language: Language): ExportColumn<ExportedCompany>[] {
  return [
    { header: { nl: 'Id', en: 'Id' }, value: (company) => company.id },
    { header: { nl: 'Naam', en: 'Name' }, value: (company) => company.name },
    { header: { nl: 'Categorie', en: 'Category' }, value: (company) => company.category?.name ?? null },
    {
      header: { nl: 'Categoriegroep', en: 'Category group' },
      value: (company) => (company.categoryGroup === null ? null : categoryGroupLabel(company.categoryGroup, language)),
    },
    { header: { nl: 'Straat', en: 'Street' }, value: (company) => company.street },
    { header: { nl: 'Postcode', en: 'Postcode' }, value: (company) => company.postcode },
    { header: { nl: 'Plaats', en: 'City' }, value: (company) => company.city },
    { header: { nl: 'Land', en: 'Country' }, value: (company) => company.country },
    { header: { nl: 'Telefoon', en: 'Phone' }, value: (company) => company.phone },
    { header: { nl: 'Website', en: 'Website' }, value: (company) => company.website },
    { header: { nl: 'Onze contactpersoon', en: 'Our contact' }, value: (company) => company.owner?.name ?? null },
    { header: { nl: 'Geregistreerd op', en: 'Registered on' }, value: (company, timeZone) => localDate(company.registeredAt, timeZone) },
  ];
}

/**
 * Writes a selection's records as CSV, UTF-8 with a byte order mark, one line per record in name
 * order, headers in the user's language. Yields the file in parts, a page of records at a time.
 */
export async function* exportSelectionCsv(
  db: Executor,
  actor: Actor,
  selection: Selection,
  separator: CsvSeparator,
  timeZone: string,
): AsyncGenerator<string> {
  const delimiter = separator === 'semicolon' ? ';' : ',';
  const line = (cells: ReadonlyArray<string | number | null>) => `${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`;
  const filter = selectionFilter(selection);
  const now = new Date();
  let cursor: string | undefined;

  if (selection.entity === 'person') {
    yield BOM + line(PERSON_COLUMNS.map((column) => column.header[actor.language]));
    do {
      const page = await listPersons(db, actor, { ...filter, limit: EXPORT_PAGE_SIZE, includeTotal: false, ...(cursor ? { cursor } : {}) });
      yield page.rows.map((row) => line(PERSON_COLUMNS.map((column) => column.value(toPerson(row, actor.language, now), timeZone)))).join('');
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return;
  }

  const columns = companyColumns(actor.language);
  yield BOM + line(columns.map((column) => column.header[actor.language]));
  do {
    const page = await listCompanies(db, actor, { ...filter, limit: EXPORT_PAGE_SIZE, includeTotal: false, ...(cursor ? { cursor } : {}) });
    yield page.rows.map((row) => line(columns.map((column) => column.value(toCompany(row, actor.language), timeZone)))).join('');
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/**
 * Quotes a cell when it contains the delimiter, a quote or a line break. A text that starts with
 * =, +, - or @ gets a leading apostrophe, so that a spreadsheet shows it instead of running it as
 * a formula.
 */
function csvCell(value: string | number | null, delimiter: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
