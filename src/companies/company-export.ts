import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { categoryGroupLabel } from '../criteria/category-groups.js';
import type { Executor } from '../db/database.js';
import {
  EXPORT_PAGE_SIZE,
  type ExportColumn,
  type ExportColumnSet,
  type ListExportRequest,
  localDate,
  resolveExportColumns,
  writeCsv,
  yesNo,
} from '../exports/csv.js';
import { countPersonsOf, listCompanies } from './company-list.js';
import { type Company, toCompany } from './company.js';

/** A company with the number of its persons that are not deleted, which the list can show. */
type ExportedCompany = Company & { personCount: number };

const PERSON_COUNT_COLUMN: ExportColumn<ExportedCompany> = { header: { nl: 'Personen', en: 'Persons' }, value: (company) => company.personCount };

/** The company columns, by the ids of the company list's columns, plus the record id. */
const COMPANY_EXPORT_COLUMNS: Record<string, ExportColumn<ExportedCompany>> = {
  id: { header: { nl: 'Id', en: 'Id' }, value: (company) => company.id },
  name: { header: { nl: 'Naam', en: 'Name' }, value: (company) => company.name },
  category: { header: { nl: 'Categorie', en: 'Category' }, value: (company) => company.category?.name ?? null },
  categoryGroup: {
    header: { nl: 'Categoriegroep', en: 'Category group' },
    value: (company, { language }) => (company.categoryGroup === null ? null : categoryGroupLabel(company.categoryGroup, language)),
  },
  leadStatusEnabled: {
    header: { nl: 'Leadstatus ingeschakeld', en: 'Lead status enabled' },
    value: (company, { language }) => yesNo(company.category?.leadStatusEnabled ?? false, language),
  },
  owner: { header: { nl: 'Onze contactpersoon', en: 'Our contact' }, value: (company) => company.owner?.name ?? null },
  street: { header: { nl: 'Straat', en: 'Street' }, value: (company) => company.street },
  postcode: { header: { nl: 'Postcode', en: 'Postcode' }, value: (company) => company.postcode },
  city: { header: { nl: 'Plaats', en: 'City' }, value: (company) => company.city },
  country: { header: { nl: 'Land', en: 'Country' }, value: (company) => company.country },
  phone: { header: { nl: 'Telefoon', en: 'Phone' }, value: (company) => company.phone },
  website: { header: { nl: 'Website', en: 'Website' }, value: (company) => company.website },
  personCount: PERSON_COUNT_COLUMN,
  registeredAt: { header: { nl: 'Geregistreerd op', en: 'Registered on' }, value: (company, { timeZone }) => localDate(company.registeredAt, timeZone) },
  updatedAt: { header: { nl: 'Gewijzigd op', en: 'Updated on' }, value: (company, { timeZone }) => localDate(company.updatedAt, timeZone) },
};

export const COMPANY_EXPORT: ExportColumnSet<ExportedCompany> = {
  columns: COMPANY_EXPORT_COLUMNS,
  defaults: ['id', 'name', 'category', 'categoryGroup', 'street', 'postcode', 'city', 'country', 'phone', 'website', 'owner', 'registeredAt'],
};

/**
 * Writes the companies that the list query matches as CSV, in its sort order. The columns are
 * resolved before the first query, so an invalid `columns` parameter fails before any output.
 */
export function exportCompaniesCsv(db: Executor, actor: Actor, request: ListExportRequest): AsyncGenerator<string> {
  const columns = resolveExportColumns(COMPANY_EXPORT, request.columns);
  const format = { language: actor.language, timeZone: request.timeZone };
  const withPersonCount = columns.includes(PERSON_COUNT_COLUMN);
  return writeCsv(columns, request.separator, format, companyPages(db, actor, request, withPersonCount));
}

async function* companyPages(db: Executor, actor: Actor, request: ListExportRequest, withPersonCount: boolean): AsyncGenerator<ExportedCompany[]> {
  const { query, timeZone, now } = request;
  let cursor: string | undefined;
  do {
    const page = await listCompanies(db, actor, { ...query, timeZone, now, limit: EXPORT_PAGE_SIZE, includeTotal: false, ...(cursor ? { cursor } : {}) });
    const counts = withPersonCount ? await countPersonsOf(db, page.rows.map((row) => row.id)) : new Map<number, number>();
    yield page.rows.map((row) => ({ ...toCompany(row, actor.language), personCount: counts.get(row.id) ?? 0 }));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
