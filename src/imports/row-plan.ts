import type { CellReference, RowCategory, RowValues } from './row-reader.js';
import { foldKey, nameKey } from './values.js';

/**
 * Merges the rows of a file that describe the same company or the same person, so that every row
 * of one record writes the same values and a second import of the file changes nothing.
 *
 * When rows disagree about a field, the last row with a value wins and the other rows get a
 * warning. There are three exceptions. A company's category comes from the row with the highest
 * rank (an explicit category, or a lifecycle stage further down the funnel). A company's name and
 * domain come from its first row. A person's registration date is the earliest one.
 */

/** The values a file gives one company, merged over all its rows. */
export interface CompanyPlan {
  /** Null when the rows give only a domain. */
  name: string | null;
  domain: string | null;
  website: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  categoryId: number | null;
  ownerId: number | null;
  firstRowNumber: number;
}

/** The values a file gives one person, merged over all its rows. */
export interface PersonPlan {
  firstRowNumber: number;
  company: CompanyPlan | null;
  salutation: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  leadSource: string | null;
  ownerId: number | null;
  leadStatusId: number | null;
  registeredAt: Date | null;
}

export interface PlannedRow {
  rowNumber: number;
  person: PersonPlan;
  warnings: string[];
}

/** Merges the accepted rows of a file; returns one planned row per input row, in the same order. */
export function planRows(rows: readonly RowValues[]): PlannedRow[] {
  const companyGroups = groupCompanies(rows);
  const companyPlans = new Map<CompanyGroup, CompanyPlan>();
  for (const group of new Set(companyGroups.values())) companyPlans.set(group, mergeCompany(group));

  const personGroups = new Map<string, RowValues[]>();
  for (const row of rows) {
    const key = personKey(row, companyGroups.get(row));
    const group = personGroups.get(key) ?? [];
    group.push(row);
    personGroups.set(key, group);
  }

  const personPlans = new Map<RowValues, PersonPlan>();
  for (const group of personGroups.values()) {
    const companyGroup = lastDefined(group.map((row) => companyGroups.get(row)));
    const plan = mergePerson(group, companyGroup === undefined ? null : (companyPlans.get(companyGroup) ?? null));
    for (const row of group) personPlans.set(row, plan);
  }

  return rows.map((row) => {
    const person = personPlans.get(row);
    if (person === undefined) throw new Error(`row ${row.rowNumber} has no person plan`);
    return { rowNumber: row.rowNumber, person, warnings: row.warnings };
  });
}

interface CompanyGroup {
  rows: RowValues[];
}

/**
 * Groups rows by company: by name (case-insensitive, spaces trimmed), else by domain. A row that
 * gives both links the two, so rows naming a company and rows giving only its domain meet.
 */
function groupCompanies(rows: readonly RowValues[]): Map<RowValues, CompanyGroup> {
  const byKey = new Map<string, CompanyGroup>();
  const byRow = new Map<RowValues, CompanyGroup>();

  for (const row of rows) {
    const keys = [row.companyName === null ? null : `name:${foldKey(row.companyName)}`, row.domain === null ? null : `domain:${row.domain}`].filter(
      (key): key is string => key !== null,
    );
    if (keys.length === 0) continue;

    let group = keys.map((key) => byKey.get(key)).find((found) => found !== undefined);
    if (group === undefined) group = { rows: [] };
    group.rows.push(row);
    byRow.set(row, group);
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, group);
  }
  return byRow;
}

/**
 * Identifies a person within the file: by email and first name, or, without an email, by name
 * within the company. The first name takes part because several people (a family, a shared
 * mailbox) can use one address.
 */
function personKey(row: RowValues, company: CompanyGroup | undefined): string {
  const firstName = foldKey(row.firstName ?? '');
  if (row.email !== null) return `email:${nameKey(row.email)}|${firstName}`;

  const companyKey = company === undefined ? 'none' : `row${company.rows[0]?.rowNumber}`;
  return `name:${companyKey}|${firstName}|${fullLastName(row.middleName, row.lastName)}`;
}

/** Middle and last name as one key, so that "de" + "Vries" and "de Vries" compare equal. */
export function fullLastName(middleName: string | null, lastName: string): string {
  return foldKey([middleName ?? '', lastName].join(' '));
}

function mergeCompany(group: CompanyGroup): CompanyPlan {
  const rows = group.rows;
  const first = rows[0];
  if (first === undefined) throw new Error('a company group has no rows');
  const company = `company "${first.companyName ?? first.domain}"`;
  const subject = (used: string, rowNumber: number) => `${company} gets ${used} from row ${rowNumber}`;

  return {
    name: firstDefined(rows.map((row) => row.companyName)) ?? null,
    domain: firstDefined(rows.map((row) => row.domain)) ?? null,
    website: mergeText(rows, 'website', (row) => row.website, subject),
    street: mergeText(rows, 'street', (row) => row.street, subject),
    postcode: mergeText(rows, 'postcode', (row) => row.postcode, subject),
    city: mergeText(rows, 'city', (row) => row.city, subject),
    country: mergeText(rows, 'country', (row) => row.country, subject),
    phone: mergeText(rows, 'company phone', (row) => row.companyPhone, subject),
    categoryId: mergeCategory(rows, company),
    ownerId: lastRowWithValue(rows, (row) => row.owner)?.owner?.id ?? null,
    firstRowNumber: first.rowNumber,
  };
}

function mergePerson(rows: readonly RowValues[], company: CompanyPlan | null): PersonPlan {
  const first = rows[0];
  const last = rows.at(-1);
  if (first === undefined || last === undefined) throw new Error('a person group has no rows');
  const subject = (used: string, rowNumber: number) => `the same person in row ${rowNumber} has ${used}`;

  const registered = rows.map((row) => row.registeredAt).filter((date): date is Date => date !== null);
  return {
    firstRowNumber: first.rowNumber,
    company,
    salutation: mergeText(rows, 'salutation', (row) => row.salutation, subject),
    firstName: mergeText(rows, 'first name', (row) => row.firstName, subject),
    middleName: mergeText(rows, 'middle name', (row) => row.middleName, subject),
    lastName: mergeText(rows, 'last name', (row) => row.lastName, subject) ?? last.lastName,
    jobTitle: mergeText(rows, 'job title', (row) => row.jobTitle, subject),
    // All rows share the address up to case; the first spelling is kept.
    email: firstDefined(rows.map((row) => row.email)) ?? null,
    phone: mergeText(rows, 'phone', (row) => row.phone, subject),
    mobile: mergeText(rows, 'mobile', (row) => row.mobile, subject),
    leadSource: mergeText(rows, 'lead source', (row) => row.leadSource, subject),
    ownerId: mergeReference(rows, 'owner', (row) => row.owner, subject),
    leadStatusId: mergeReference(rows, 'lead status', (row) => row.leadStatus, subject),
    registeredAt: registered.length === 0 ? null : new Date(Math.min(...registered.map((date) => date.getTime()))),
  };
}

/** Completes a warning about a value that was not used: who gets which value from which row. */
type ConflictSubject = (usedValue: string, rowNumber: number) => string;

/**
 * Returns the last row's value of a text field and warns on every row whose value differs (case
 * ignored).
 */
function mergeText(
  rows: readonly RowValues[],
  label: string,
  pick: (row: RowValues) => string | null,
  subject: ConflictSubject,
): string | null {
  const winner = lastRowWithValue(rows, pick);
  const value = winner === undefined ? null : pick(winner);
  if (winner === undefined || value === null) return null;

  for (const row of rows) {
    const other = pick(row);
    if (other !== null && nameKey(other) !== nameKey(value)) {
      row.warnings.push(`${label} "${other}" not used: ${subject(`"${value}"`, winner.rowNumber)}, and the last row wins`);
    }
  }
  return value;
}

/** Like mergeText for a user or list item; returns its id. */
function mergeReference(
  rows: readonly RowValues[],
  label: string,
  pick: (row: RowValues) => CellReference | null,
  subject: ConflictSubject,
): number | null {
  const winner = lastRowWithValue(rows, pick);
  const value = winner === undefined ? null : pick(winner);
  if (winner === undefined || value === null) return null;

  for (const row of rows) {
    const other = pick(row);
    if (other !== null && other.id !== value.id) {
      row.warnings.push(`${label} "${other.text}" not used: ${subject(`"${value.text}"`, winner.rowNumber)}, and the last row wins`);
    }
  }
  return value.id;
}

/** Picks the category of the highest rank, and among equal ranks the last row's. */
function mergeCategory(rows: readonly RowValues[], subject: string): number | null {
  let winner: { row: RowValues; category: RowCategory } | undefined;
  for (const row of rows) {
    if (row.category !== null && (winner === undefined || row.category.rank >= winner.category.rank)) {
      winner = { row, category: row.category };
    }
  }
  if (winner === undefined) return null;

  for (const row of rows) {
    if (row.category !== null && row.category.id !== winner.category.id) {
      row.warnings.push(
        `${row.category.source} not used for the category: ${subject} gets "${winner.category.name}" from ` +
          `${winner.category.source} in row ${winner.row.rowNumber}, ${
            winner.category.rank > row.category.rank ? 'which is further in the funnel' : 'and the last row wins'
          }`,
      );
    }
  }
  return winner.category.id;
}

function lastRowWithValue<T>(rows: readonly RowValues[], pick: (row: RowValues) => T | null): RowValues | undefined {
  for (let index = rows.length - 1; index >= 0; index--) {
    const row = rows[index];
    if (row !== undefined && pick(row) !== null) return row;
  }
  return undefined;
}

function firstDefined<T>(values: ReadonlyArray<T | null | undefined>): T | undefined {
  for (const value of values) if (value !== null && value !== undefined) return value;
  return undefined;
}

function lastDefined<T>(values: ReadonlyArray<T | null | undefined>): T | undefined {
  return firstDefined([...values].reverse());
}
