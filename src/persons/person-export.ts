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
import { listPersons } from './person-list.js';
import { type Person, toPerson } from './person.js';

/** The person columns, by the ids of the person list's columns, plus the record id. */
const PERSON_EXPORT_COLUMNS: Record<string, ExportColumn<Person>> = {
  id: { header: { nl: 'Id', en: 'Id' }, value: (person) => person.id },
  name: { header: { nl: 'Naam', en: 'Name' }, value: (person) => person.fullName },
  salutation: { header: { nl: 'Aanhef', en: 'Salutation' }, value: (person) => person.salutation },
  firstName: { header: { nl: 'Voornaam', en: 'First name' }, value: (person) => person.firstName },
  middleName: { header: { nl: 'Tussenvoegsel', en: 'Middle name' }, value: (person) => person.middleName },
  lastName: { header: { nl: 'Achternaam', en: 'Last name' }, value: (person) => person.lastName },
  company: { header: { nl: 'Bedrijf', en: 'Company' }, value: (person) => person.company?.name ?? null },
  jobTitle: { header: { nl: 'Functie', en: 'Job title' }, value: (person) => person.jobTitle },
  email: { header: { nl: 'E-mail', en: 'Email' }, value: (person) => person.email },
  phone: { header: { nl: 'Telefoon', en: 'Phone' }, value: (person) => person.phone },
  mobile: { header: { nl: 'Mobiel', en: 'Mobile' }, value: (person) => person.mobile },
  category: { header: { nl: 'Categorie', en: 'Category' }, value: (person) => person.category?.name ?? null },
  categoryGroup: {
    header: { nl: 'Categoriegroep', en: 'Category group' },
    value: (person, { language }) => (person.categoryGroup === null ? null : categoryGroupLabel(person.categoryGroup, language)),
  },
  leadStatus: { header: { nl: 'Leadstatus', en: 'Lead status' }, value: (person) => person.leadStatus?.name ?? null },
  daysInStatus: { header: { nl: 'Dagen in status', en: 'Days in status' }, value: (person) => person.daysInStatus },
  leadStatusChangedAt: {
    header: { nl: 'Leadstatus gewijzigd op', en: 'Lead status changed on' },
    value: (person, { timeZone }) => localDate(person.leadStatusChangedAt, timeZone),
  },
  owner: { header: { nl: 'Onze contactpersoon', en: 'Our contact' }, value: (person) => person.owner?.name ?? null },
  leadSource: { header: { nl: 'Leadbron', en: 'Lead source' }, value: (person) => person.leadSource },
  formerEmployee: { header: { nl: 'Oud-medewerker', en: 'Former employee' }, value: (person, { language }) => yesNo(person.formerEmployee, language) },
  registeredAt: { header: { nl: 'Geregistreerd op', en: 'Registered on' }, value: (person, { timeZone }) => localDate(person.registeredAt, timeZone) },
  updatedAt: { header: { nl: 'Gewijzigd op', en: 'Updated on' }, value: (person, { timeZone }) => localDate(person.updatedAt, timeZone) },
};

export const PERSON_EXPORT: ExportColumnSet<Person> = {
  columns: PERSON_EXPORT_COLUMNS,
  defaults: ['id', 'firstName', 'middleName', 'lastName', 'company', 'jobTitle', 'email', 'phone', 'mobile', 'category', 'leadStatus', 'daysInStatus', 'owner', 'registeredAt'],
};

/**
 * Writes the persons that the list query matches as CSV, in its sort order. The columns are
 * resolved before the first query, so an invalid `columns` parameter fails before any output.
 */
export function exportPersonsCsv(db: Executor, actor: Actor, request: ListExportRequest): AsyncGenerator<string> {
  const columns = resolveExportColumns(PERSON_EXPORT, request.columns);
  const format = { language: actor.language, timeZone: request.timeZone };
  return writeCsv(columns, request.separator, format, personPages(db, actor, request));
}

async function* personPages(db: Executor, actor: Actor, request: ListExportRequest): AsyncGenerator<Person[]> {
  const { query, timeZone, now } = request;
  let cursor: string | undefined;
  do {
    const page = await listPersons(db, actor, { ...query, timeZone, now, limit: EXPORT_PAGE_SIZE, includeTotal: false, ...(cursor ? { cursor } : {}) });
    yield page.rows.map((row) => toPerson(row, actor.language, now));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
