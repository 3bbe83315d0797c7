import type { CategoryGroup, CategoryRow, Language, LeadStatusRow } from '../db/schema.js';
import { localize, localizeOptional } from './localize.js';

/** A list item as the API shows it: the name in the user's language plus both translations. */
export interface ListItem {
  id: number;
  name: string;
  description: string | null;
  nameNl: string | null;
  nameEn: string | null;
  descriptionNl: string | null;
  descriptionEn: string | null;
  sortOrder: number;
  deleted: boolean;
  version: number;
}

export interface Category extends ListItem {
  categoryGroup: CategoryGroup;
  leadStatusEnabled: boolean;
}

export interface LeadStatus extends ListItem {
  isDefault: boolean;
}

function toListItem(row: CategoryRow | LeadStatusRow, language: Language): ListItem {
  return {
    id: row.id,
    name: localize(language, row.name_nl, row.name_en),
    description: localizeOptional(language, row.description_nl, row.description_en),
    nameNl: row.name_nl,
    nameEn: row.name_en,
    descriptionNl: row.description_nl,
    descriptionEn: row.description_en,
    sortOrder: row.sort_order,
    deleted: row.deleted,
    version: row.version,
  };
}

export function toCategory(row: CategoryRow, language: Language): Category {
  return { ...toListItem(row, language), categoryGroup: row.category_group, leadStatusEnabled: row.lead_status_enabled };
}

export function toLeadStatus(row: LeadStatusRow, language: Language): LeadStatus {
  return { ...toListItem(row, language), isDefault: row.is_default };
}

export const CATEGORY_GROUP_NAMES: Record<CategoryGroup, { nl: string; en: string }> = {
  potentialCustomer: { nl: 'Potentiële klant', en: 'Potential customer' },
  customer: { nl: 'Klant', en: 'Customer' },
  partner: { nl: 'Partner', en: 'Partner' },
  lost: { nl: 'Verloren', en: 'Lost' },
  other: { nl: 'Overig', en: 'Other' },
};

export function categoryGroupName(group: CategoryGroup, language: Language): string {
  return CATEGORY_GROUP_NAMES[group][language];
}
