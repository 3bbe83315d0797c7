import type { ColumnMapping } from './column-mapping.js';
import type { CsvRow } from './csv-file.js';
import type { ImportField } from './import-fields.js';
import {
  displayName,
  type ImportCategory,
  type ImportListItem,
  type ListLookup,
  type UserLookup,
} from './name-lookup.js';
import { type ImportPreset, normalizeValueKey } from './presets.js';
import { cleanCell, isValidEmail, normalizeDomain, parseImportDate } from './values.js';

/** Lists, column mapping and settings that readRow needs besides the row. */
export interface ReadContext {
  header: readonly string[];
  columns: ColumnMapping;
  preset: ImportPreset | null;
  categories: ListLookup<ImportCategory>;
  leadStatuses: ListLookup<ImportListItem>;
  users: UserLookup;
  /** Time zone of dates and times in the file that carry no offset. */
  timeZone: string;
}

/** A category a row gives its company, with the rank that decides between rows that disagree. */
export interface RowCategory {
  id: number;
  /** Cell that named it, for warnings: `category "Lead"` or `lifecycle stage "Subscriber"`. */
  source: string;
  name: string;
  rank: number;
}

/** Explicit categories outrank every lifecycle stage. */
const EXPLICIT_CATEGORY_RANK = 1000;

/** One row's values after checking, before rows of the same person or company are merged. */
export interface RowValues {
  rowNumber: number;
  companyName: string | null;
  /** Host name of the website or domain column, used to match companies. */
  domain: string | null;
  website: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  companyPhone: string | null;
  category: RowCategory | null;
  salutation: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  leadSource: string | null;
  owner: CellReference | null;
  leadStatus: CellReference | null;
  registeredAt: Date | null;
  warnings: string[];
}

/** A user or list item that a cell named, with the cell's text for messages. */
export interface CellReference {
  id: number;
  text: string;
}

export type ReadResult = { kind: 'accepted'; values: RowValues } | { kind: 'rejected'; rowNumber: number; reasons: string[] };

/** Fields that belong to the company; a row without a company cannot store them. */
const COMPANY_FIELDS: ReadonlyArray<[ImportField, string]> = [
  ['website', 'website'],
  ['street', 'street'],
  ['postcode', 'postcode'],
  ['city', 'city'],
  ['country', 'country'],
  ['companyPhone', 'company phone'],
  ['category', 'category'],
  ['stage', 'lifecycle stage'],
];

/**
 * Reads one CSV row into checked values. A row is rejected when it cannot be imported as written:
 * its columns are shifted, the last name is missing, the email is invalid, or a lead status,
 * category or lifecycle stage is not in the lists. Problems that leave the rest of the row
 * importable (an owner who is not a user, an unreadable date) become warnings.
 */
export function readRow(row: CsvRow, context: ReadContext): ReadResult {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const cell = (field: ImportField): string | null => {
    const index = context.columns.fields.get(field);
    return index === undefined ? null : cleanCell(row.cells[index]);
  };

  const fieldCountProblem = checkFieldCount(row.cells, context.header.length);
  if (fieldCountProblem !== null) return { kind: 'rejected', rowNumber: row.rowNumber, reasons: [fieldCountProblem] };

  const lastName = cell('lastName');
  if (lastName === null) reasons.push('last name is empty; every person needs one');

  const email = cell('email');
  if (email !== null && !isValidEmail(email)) reasons.push(`email "${email}" is not a valid email address`);

  let companyName = cell('companyName');
  if (companyName !== null && context.preset?.noCompanyValues.has(normalizeValueKey(companyName))) {
    companyName = null;
  }
  const website = cell('website');
  const domain = website === null ? null : normalizeDomain(website);
  const hasCompany = companyName !== null || domain !== null;

  let category: RowCategory | null = null;
  let impliedLeadStatus: string | null = null;
  const categoryValue = cell('category');
  const stageValue = cell('stage');
  if (categoryValue !== null) {
    const found = context.categories.find(categoryValue);
    if (found === undefined) {
      reasons.push(`category "${categoryValue}" is not in the category list; use one of: ${context.categories.selectableNames().join(', ')}`);
    } else if (found.deleted) {
      reasons.push(`category "${categoryValue}" is deleted; restore it in the category list or use another category`);
    } else {
      category = { id: found.id, source: `category "${categoryValue}"`, name: displayName(found), rank: EXPLICIT_CATEGORY_RANK };
    }
  } else if (stageValue !== null) {
    const stage = readStage(stageValue, context);
    if (stage.kind === 'rejected') reasons.push(stage.reason);
    else {
      category = stage.category;
      impliedLeadStatus = stage.impliedLeadStatus;
    }
  }

  let leadStatus: CellReference | null = null;
  const statusValue = cell('leadStatus') ?? impliedLeadStatus;
  if (statusValue !== null) {
    const status = readLeadStatus(statusValue, context);
    if (status.kind === 'rejected') reasons.push(status.reason);
    else leadStatus = { id: status.id, text: statusValue };
  }

  if (reasons.length > 0 || lastName === null) return { kind: 'rejected', rowNumber: row.rowNumber, reasons };

  if (!hasCompany) {
    for (const [field, label] of COMPANY_FIELDS) {
      const value = cell(field);
      if (value !== null) warnings.push(`${label} "${value}" ignored: the row has no company, and a person has no address or category of its own`);
    }
  }

  const ownerValue = cell('owner');
  const ownerId = ownerValue === null ? null : readOwner(ownerValue, context, warnings);
  const owner = ownerId === null || ownerValue === null ? null : { id: ownerId, text: ownerValue };

  const registeredValue = cell('registeredAt');
  let registeredAt: Date | null = null;
  if (registeredValue !== null) {
    registeredAt = parseImportDate(registeredValue, context.timeZone);
    if (registeredAt === null) {
      warnings.push(`registered date "${registeredValue}" is not a date in the form dd-mm-yyyy or yyyy-mm-dd, so the import date is used`);
    }
  }

  return {
    kind: 'accepted',
    values: {
      rowNumber: row.rowNumber,
      companyName,
      domain,
      website: hasCompany ? website : null,
      street: hasCompany ? cell('street') : null,
      postcode: hasCompany ? cell('postcode') : null,
      city: hasCompany ? cell('city') : null,
      country: hasCompany ? cell('country') : null,
      companyPhone: hasCompany ? cell('companyPhone') : null,
      category: hasCompany ? category : null,
      salutation: cell('salutation'),
      firstName: cell('firstName'),
      middleName: cell('middleName'),
      lastName,
      jobTitle: cell('jobTitle'),
      email,
      phone: cell('phone'),
      mobile: cell('mobile'),
      leadSource: cell('leadSource'),
      owner,
      leadStatus,
      registeredAt,
      warnings,
    },
  };
}

/**
 * Rejects a row with more non-empty cells or fewer cells than the header has columns: its values
 * would land in the wrong columns. Empty cells past the header's end are harmless, because some
 * programs end every line with a delimiter.
 */
function checkFieldCount(cells: readonly string[], headerLength: number): string | null {
  const extra = cells.slice(headerLength);
  if (cells.length < headerLength || extra.some((value) => value.trim() !== '')) {
    return (
      `the row has ${cells.length} fields but the header has ${headerLength}; ` +
      'check for a delimiter inside a field that is not enclosed in double quotes'
    );
  }
  return null;
}

type StageResult =
  | { kind: 'found'; category: RowCategory; impliedLeadStatus: string | null }
  | { kind: 'rejected'; reason: string };

function readStage(value: string, context: ReadContext): StageResult {
  const mapping = context.preset?.stages.get(normalizeValueKey(value));
  // A stage the preset does not know may still be named after a category of this database.
  const categoryName = mapping?.category ?? value;
  const found = context.categories.find(categoryName);

  if (found === undefined || found.deleted) {
    const reason =
      mapping === undefined
        ? `lifecycle stage "${value}" is not a known stage and no category has that name; known stages: ${[...(context.preset?.stages.values() ?? [])].map((stage) => stage.label).join(', ')}`
        : `lifecycle stage "${value}" maps to category "${mapping.category}", which is ${found === undefined ? 'not in the category list' : 'deleted'}; add or restore it, or rename a category to it`;
    return { kind: 'rejected', reason };
  }

  return {
    kind: 'found',
    category: { id: found.id, source: `lifecycle stage "${value}"`, name: displayName(found), rank: mapping?.rank ?? 0 },
    impliedLeadStatus: mapping?.impliedLeadStatus ?? null,
  };
}

function readLeadStatus(value: string, context: ReadContext): { kind: 'found'; id: number } | { kind: 'rejected'; reason: string } {
  // The preset's table comes first, because a CRM's value can mean something else than the
  // Trechter status of the same name.
  const mapped = context.preset?.leadStatuses.get(normalizeValueKey(value));
  const found = (mapped === undefined ? undefined : context.leadStatuses.find(mapped)) ?? context.leadStatuses.find(value);

  if (found === undefined) {
    const via = mapped === undefined ? '' : ` (the ${context.preset?.label} status maps to "${mapped}")`;
    return {
      kind: 'rejected',
      reason: `lead status "${value}"${via} is not in the lead status list; use one of: ${context.leadStatuses.selectableNames().join(', ')}`,
    };
  }
  if (found.deleted) {
    return { kind: 'rejected', reason: `lead status "${value}" is deleted; restore it in the lead status list or use another status` };
  }
  return { kind: 'found', id: found.id };
}

function readOwner(value: string, context: ReadContext, warnings: string[]): number | null {
  const match = context.users.find(value);
  switch (match.kind) {
    case 'found':
      return match.user.id;
    case 'inactive':
      warnings.push(`owner "${value}" is an inactive user, so the owner is left empty; activate the user and import again`);
      return null;
    case 'ambiguous':
      warnings.push(`owner "${value}" matches ${match.count} users, so the owner is left empty; use the user's email address`);
      return null;
    case 'notFound':
      warnings.push(`owner "${value}" is not a user, so the owner is left empty; add the user and import again`);
      return null;
  }
}
