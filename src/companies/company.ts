import type { CategoryGroup, Language } from '../db/schema.js';
import { localize } from '../lists/localize.js';
import type { CompanyListRow } from './company.repository.js';

export interface CategoryRef {
  id: number;
  name: string;
  deleted: boolean;
  leadStatusEnabled: boolean;
}

/** A company as the API and the web app see it. */
export interface Company {
  id: number;
  name: string;
  categoryId: number | null;
  category: CategoryRef | null;
  categoryGroup: CategoryGroup | null;
  ownerId: number | null;
  owner: { id: number; name: string } | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  website: string | null;
  registeredAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

/** The fields a client may write; every field but the name is optional. */
export interface CompanyInput {
  name: string;
  categoryId?: number | null;
  ownerId?: number | null;
  street?: string | null;
  postcode?: string | null;
  city?: string | null;
  country?: string | null;
  phone?: string | null;
  website?: string | null;
  /** When the company was first registered, for records brought over from another system. */
  registeredAt?: Date;
}

export function toCompany(row: CompanyListRow, language: Language): Company {
  return {
    id: row.id,
    name: row.name,
    categoryId: row.category_id,
    category:
      row.category_id === null
        ? null
        : {
            id: row.category_id,
            name: localize(language, row.category_name_nl, row.category_name_en),
            deleted: row.category_deleted ?? false,
            leadStatusEnabled: row.lead_status_enabled ?? false,
          },
    categoryGroup: row.category_group,
    ownerId: row.owner_id,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? '' },
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    country: row.country,
    phone: row.phone,
    website: row.website,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}
