import { apiRequest } from '../api/client';
import type { NamedRef } from '../api/types';
import { type AutomationOutcome, reportAutomation } from '../automation/automationOutcome';

export type SaleStatus = 'open' | 'sold' | 'lost';

/** A sale as GET /api/sales returns it. */
export interface Sale {
  id: number;
  title: string;
  companyId: number;
  company: NamedRef;
  personId: number | null;
  person: NamedRef | null;
  ownerId: number | null;
  owner: NamedRef | null;
  amount: number | null;
  status: SaleStatus;
  /** A calendar date, YYYY-MM-DD. */
  saleDate: string;
  reason: string | null;
  registeredAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

export interface SaleInput {
  title: string;
  companyId: number;
  personId?: number | null;
  ownerId?: number | null;
  amount?: number | null;
  saleDate?: string;
}

export type SalePatch = Partial<Pick<Sale, 'title' | 'personId' | 'ownerId' | 'amount' | 'status' | 'saleDate' | 'reason'>>;

type SaleWriteResponse = Sale & { automation: AutomationOutcome | null };

/** Query key of a company's sales on its card. */
export const companySalesKey = (companyId: number) => ['sales', 'company', companyId] as const;

export const sales = {
  /** The company's sales, newest sale date first; a company card shows at most 500. */
  listOfCompany: (companyId: number) =>
    apiRequest<{ items: Sale[]; nextCursor: string | null }>('GET', '/api/sales', { query: { companyId, limit: 500 } }),
  create: (input: SaleInput) => apiRequest<SaleWriteResponse>('POST', '/api/sales', { body: input }).then(reportAutomation),
  update: (id: number, version: number, patch: SalePatch) =>
    apiRequest<SaleWriteResponse>('PATCH', `/api/sales/${id}`, { body: { ...patch, version } }).then(reportAutomation),
};
