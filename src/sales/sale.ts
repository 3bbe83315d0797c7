import type { SaleStatus } from '../db/schema.js';
import { formatFullName } from '../persons/person.js';
import type { SaleRow } from './sale.repository.js';

export { SALE_STATUSES, type SaleStatus } from '../db/schema.js';

/** A sale as the API and the web app see it. */
export interface Sale {
  id: number;
  title: string;
  companyId: number;
  company: { id: number; name: string };
  personId: number | null;
  person: { id: number; name: string } | null;
  ownerId: number | null;
  owner: { id: number; name: string } | null;
  /** In the currency the team works in; Trechter stores no currency. */
  amount: number | null;
  status: SaleStatus;
  /** A calendar date, "YYYY-MM-DD". */
  saleDate: string;
  reason: string | null;
  registeredAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

/** The fields a client may give when it registers a sale. A new sale is always open. */
export interface SaleInput {
  title: string;
  companyId: number;
  personId?: number | null;
  ownerId?: number | null;
  amount?: number | null;
  saleDate?: string;
  reason?: string | null;
}

/** The fields a client may change. The company of a sale stays as registered. */
export interface SalePatch {
  title?: string;
  personId?: number | null;
  ownerId?: number | null;
  amount?: number | null;
  status?: SaleStatus;
  saleDate?: string;
  reason?: string | null;
}

export function toSale(row: SaleRow): Sale {
  return {
    id: row.id,
    title: row.title,
    companyId: row.company_id,
    company: { id: row.company_id, name: row.company_name },
    personId: row.person_id,
    person: row.person_id === null || row.person_last_name === null ? null : { id: row.person_id, name: formatFullName(row.person_first_name, row.person_middle_name, row.person_last_name) },
    ownerId: row.owner_id,
    owner: row.owner_id === null || row.owner_name === null ? null : { id: row.owner_id, name: row.owner_name },
    amount: row.amount === null ? null : Number(row.amount),
    status: row.status,
    saleDate: row.sale_date,
    reason: row.reason,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    deletedAt: row.deleted_at === null ? null : row.deleted_at.toISOString(),
  };
}
