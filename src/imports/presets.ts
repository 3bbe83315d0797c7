import { type ImportField, normalizeHeader } from './import-fields.js';

export const PRESET_NAMES = ['hubspot', 'salesforce'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * Category and lead status for one lifecycle stage of a CRM. `category` and `impliedLeadStatus`
 * are English names of Trechter's default list items, looked up by name in the database like any
 * file value.
 */
export interface StageMapping {
  /** The stage's name in the CRM. */
  label: string;
  category: string;
  /** Position in the CRM's funnel; a company whose persons are at different stages takes the highest. */
  rank: number;
  /** Lead status for a person whose row has no lead status of its own. */
  impliedLeadStatus?: string;
}

/** Header names and values of one CRM's export. Keys of every table are normalized with normalizeValueKey. */
export interface ImportPreset {
  name: PresetName;
  label: string;
  /** Header → field; null keeps a column out of the generic header names (it is reported as ignored). */
  headers: ReadonlyMap<string, ImportField | null>;
  /** CRM lead status → English name of a Trechter lead status. */
  leadStatuses: ReadonlyMap<string, string>;
  stages: ReadonlyMap<string, StageMapping>;
  /** Company values that mean "no company", such as Salesforce's placeholder for consumer leads. */
  noCompanyValues: ReadonlySet<string>;
  /** Category (English name) for a company that the import creates when no row gives it one. */
  newCompanyCategory: string | null;
  /** Tells whether a file's normalized headers are this CRM's export. */
  matchesHeaders(headers: ReadonlySet<string>): boolean;
}

/** Folds a value such as "IN_PROGRESS", "In Progress" or "in-progress" to one lookup key. */
export function normalizeValueKey(value: string): string {
  return normalizeHeader(value);
}

function headerTable(entries: Record<string, ImportField | null>): ReadonlyMap<string, ImportField | null> {
  return new Map(Object.entries(entries).map(([header, field]) => [normalizeHeader(header), field]));
}

function valueTable<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries).map(([value, mapped]) => [normalizeValueKey(value), mapped]));
}

function stageTable(stages: readonly StageMapping[]): ReadonlyMap<string, StageMapping> {
  return new Map(stages.map((stage) => [normalizeValueKey(stage.label), stage]));
}

/**
 * HubSpot contacts export. Both the labels ("In Progress") and the internal values ("IN_PROGRESS")
 * of the default Lead Status and Lifecycle Stage properties are understood.
 */
const HUBSPOT: ImportPreset = {
  name: 'hubspot',
  label: 'HubSpot',
  headers: headerTable({
    'Record ID': null,
    'Company Name': 'companyName',
    'Associated Company': 'companyName',
    'Associated Company Domain': 'website',
    'Company Domain Name': 'website',
    'Website URL': 'website',
    'Street Address': 'street',
    'Postal Code': 'postcode',
    'Country/Region': 'country',
    'Phone Number': 'phone',
    'Mobile Phone Number': 'mobile',
    'Job Title': 'jobTitle',
    'Contact owner': 'owner',
    'HubSpot Owner': 'owner',
    'Lead Status': 'leadStatus',
    'Lifecycle Stage': 'stage',
    'Original Source': 'leadSource',
    'Create Date': 'registeredAt',
  }),
  leadStatuses: valueTable({
    New: 'Open',
    Open: 'Open',
    'Attempted to Contact': 'Contacting',
    'In Progress': 'Contacting',
    Connected: 'Contacting',
    'Open Deal': 'Qualified',
    Unqualified: 'Disqualified',
    'Bad Timing': 'Re-nurture',
  }),
  // HubSpot's stages run Subscriber → Lead → MQL → SQL → Opportunity → Customer → Evangelist.
  // "Other" is outside that funnel, so any funnel stage outranks it.
  stages: stageTable([
    { label: 'Other', category: 'Other', rank: 0 },
    { label: 'Subscriber', category: 'Lead', rank: 1 },
    { label: 'Lead', category: 'Lead', rank: 2 },
    { label: 'Marketing Qualified Lead', category: 'Marketing qualified lead (MQL)', rank: 3 },
    // In Trechter's lead model a sales qualified lead is a lead with the status Qualified, not a
    // category of its own.
    { label: 'Sales Qualified Lead', category: 'Marketing qualified lead (MQL)', rank: 4, impliedLeadStatus: 'Qualified' },
    { label: 'Opportunity', category: 'Opportunity', rank: 5 },
    { label: 'Customer', category: 'Customer', rank: 6 },
    { label: 'Evangelist', category: 'Customer', rank: 7 },
  ]),
  noCompanyValues: new Set(),
  newCompanyCategory: null,
  matchesHeaders: (headers) =>
    headers.has('recordid') &&
    ['lifecyclestage', 'leadstatus', 'contactowner', 'associatedcompanydomain'].some((header) => headers.has(header)),
};

/**
 * Salesforce Lead export, with API names as headers (Data Loader, Workbench, data export) or with
 * the labels of a lead report. The lead statuses are those of the standard picklist and of the
 * newer Sales Cloud default (New, Working, Nurturing, Qualified, Unqualified).
 */
const SALESFORCE: ImportPreset = {
  name: 'salesforce',
  label: 'Salesforce',
  headers: headerTable({
    Id: null,
    Name: null,
    // Address is a compound field that repeats Street, City and the rest.
    Address: null,
    'Company / Account': 'companyName',
    PostalCode: 'postcode',
    MobilePhone: 'mobile',
    LeadSource: 'leadSource',
    'Lead Owner': 'owner',
    CreatedDate: 'registeredAt',
    'Create Date': 'registeredAt',
  }),
  leadStatuses: valueTable({
    New: 'Open',
    'Open - Not Contacted': 'Open',
    Working: 'Contacting',
    'Working - Contacted': 'Contacting',
    Contacted: 'Contacting',
    Nurturing: 'Re-nurture',
    Qualified: 'Qualified',
    'Closed - Converted': 'Qualified',
    Unqualified: 'Disqualified',
    'Closed - Not Converted': 'Disqualified',
  }),
  stages: new Map(),
  noCompanyValues: new Set(['none', 'notprovided', 'na']),
  // Every Salesforce lead is a lead, so a company created from one gets the category Lead, which has
  // lead status enabled.
  newCompanyCategory: 'Lead',
  matchesHeaders: (headers) =>
    (headers.has('lastname') &&
      headers.has('company') &&
      ['isconverted', 'masterrecordid', 'ownerid'].some((header) => headers.has(header))) ||
    (headers.has('leadowner') && headers.has('companyaccount')),
};

export const PRESETS: Readonly<Record<PresetName, ImportPreset>> = { hubspot: HUBSPOT, salesforce: SALESFORCE };

/** Returns the preset whose export the headers are, or null when none or more than one matches. */
export function detectPreset(header: readonly string[]): ImportPreset | null {
  const normalized = new Set(header.map(normalizeHeader));
  const matches = Object.values(PRESETS).filter((preset) => preset.matchesHeaders(normalized));
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
