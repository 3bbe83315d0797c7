import type { Kysely } from 'kysely';

import type { Database } from '../schema.js';

/** The lists a new database starts with, in Dutch and English. */
export const DEFAULT_LEAD_STATUSES = [
  { nl: 'Open', en: 'Open', descriptionNl: 'Er is nog geen contact geweest.', descriptionEn: 'There has been no contact yet.', isDefault: true },
  { nl: 'Contact opnemen', en: 'Contacting', descriptionNl: 'Sales probeert de lead te bereiken.', descriptionEn: 'Sales is trying to reach the lead.', isDefault: false },
  { nl: 'Gediskwalificeerd', en: 'Disqualified', descriptionNl: 'De lead voldoet niet aan de criteria.', descriptionEn: 'The lead does not meet the criteria.', isDefault: false },
  { nl: 'Opnieuw benaderen', en: 'Re-nurture', descriptionNl: 'Mogelijk later relevant.', descriptionEn: 'May be relevant later.', isDefault: false },
  { nl: 'Gekwalificeerd', en: 'Qualified', descriptionNl: 'Klaar voor de salesfase.', descriptionEn: 'Ready for the sales stage.', isDefault: false },
] as const;

export const DEFAULT_CATEGORIES = [
  { nl: 'Lead', en: 'Lead', group: 'potentialCustomer', leadStatusEnabled: true },
  { nl: 'Marketinggekwalificeerde lead (MQL)', en: 'Marketing qualified lead (MQL)', group: 'potentialCustomer', leadStatusEnabled: true },
  { nl: 'Opportunity', en: 'Opportunity', group: 'potentialCustomer', leadStatusEnabled: true },
  { nl: 'Verloren opportunity', en: 'Lost opportunity', group: 'potentialCustomer', leadStatusEnabled: true },
  { nl: 'Klant', en: 'Customer', group: 'customer', leadStatusEnabled: false },
  { nl: 'Partner', en: 'Partner', group: 'partner', leadStatusEnabled: false },
  { nl: 'Oud-klant', en: 'Former customer', group: 'lost', leadStatusEnabled: false },
  { nl: 'Overig', en: 'Other', group: 'other', leadStatusEnabled: false },
] as const;

export async function up(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('lead_statuses')
    .values(
      DEFAULT_LEAD_STATUSES.map((status, index) => ({
        name_nl: status.nl,
        name_en: status.en,
        description_nl: status.descriptionNl,
        description_en: status.descriptionEn,
        is_default: status.isDefault,
        sort_order: (index + 1) * 10,
      })),
    )
    .execute();

  await db
    .insertInto('categories')
    .values(
      DEFAULT_CATEGORIES.map((category, index) => ({
        name_nl: category.nl,
        name_en: category.en,
        category_group: category.group,
        lead_status_enabled: category.leadStatusEnabled,
        sort_order: (index + 1) * 10,
      })),
    )
    .execute();

}
