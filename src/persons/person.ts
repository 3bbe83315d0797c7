import type { CategoryRef } from '../companies/company.js';
import { wholeDaysBetween } from '../criteria/periods.js';
import type { CategoryGroup, Language } from '../db/schema.js';
import { localize, localizeOptional } from '../lists/localize.js';
import type { PersonListRow } from './person.repository.js';

export interface LeadStatusRef {
  id: number;
  name: string;
  description: string | null;
  deleted: boolean;
}

/** A person as the API and the web app see it, with its category and lead status derived. */
export interface Person {
  id: number;
  companyId: number | null;
  company: { id: number; name: string } | null;
  salutation: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string;
  fullName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  ownerId: number | null;
  owner: { id: number; name: string } | null;
  category: CategoryRef | null;
  categoryGroup: CategoryGroup | null;
  leadStatusId: number | null;
  leadStatus: LeadStatusRef | null;
  /** True when the company's category has lead status enabled, so the status can change. */
  leadStatusEnabled: boolean;
  /** True when the person has a status while lead status is not enabled, so it is hidden and read-only. */
  leadStatusRetained: boolean;
  leadStatusChangedAt: string | null;
  daysInStatus: number | null;
  leadSource: string | null;
  formerEmployee: boolean;
  registeredAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

/** The fields a client may write. The lead status is checked against the lead status rules. */
export interface PersonInput {
  companyId?: number | null;
  salutation?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  lastName: string;
  jobTitle?: string | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
  ownerId?: number | null;
  leadStatusId?: number | null;
  leadSource?: string | null;
  formerEmployee?: boolean;
  /** When the person was first registered, for records brought over from another system. */
  registeredAt?: Date;
}

export function formatFullName(firstName: string | null, middleName: string | null, lastName: string): string {
  return [firstName, middleName, lastName].filter((part) => part !== null && part.trim() !== '').join(' ');
}

export function toPerson(row: PersonListRow, language: Language, now: Date = new Date()): Person {
  const leadStatusEnabled = row.lead_status_enabled ?? false;
  return {
    id: row.id,
    companyId: row.company_id,
    company: row.company_id === null ? null : { id: row.company_id, name: row.company_name ?? '' },
    salutation: row.salutation,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    fullName: formatFullName(row.first_name, row.middle_name, row.last_name),
    jobTitle: row.job_title,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    ownerId: row.owner_id,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? '' },
    category:
      row.category_id === null || row.category_id === undefined
        ? null
        : {
            id: row.category_id,
            name: localize(language, row.category_name_nl, row.category_name_en),
            deleted: row.category_deleted ?? false,
            leadStatusEnabled,
          },
    categoryGroup: row.category_group,
    leadStatusId: row.lead_status_id,
    leadStatus:
      row.lead_status_id === null
        ? null
        : {
            id: row.lead_status_id,
            name: localize(language, row.lead_status_name_nl, row.lead_status_name_en),
            description: localizeOptional(language, row.lead_status_description_nl, row.lead_status_description_en),
            deleted: row.lead_status_deleted ?? false,
          },
    leadStatusEnabled,
    leadStatusRetained: !leadStatusEnabled && row.lead_status_id !== null,
    leadStatusChangedAt: row.lead_status_changed_at?.toISOString() ?? null,
    daysInStatus:
      row.lead_status_id === null || row.lead_status_changed_at === null
        ? null
        : Math.max(0, wholeDaysBetween(row.lead_status_changed_at, now)),
    leadSource: row.lead_source,
    formerEmployee: row.former_employee,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}
