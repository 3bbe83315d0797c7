import { systemActor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { CompanyGenerator, planCompanySizes } from '../demo/company-generator.js';
import { PersonGenerator } from '../demo/person-generator.js';
import { SeededRandom } from '../demo/random.js';
import { DEMO_USER_NAMES, LEAD_SOURCES } from '../demo/word-lists.js';
import { readImportFile } from '../imports/import-file.js';
import { type ImportReport, runImport } from '../imports/run-import.js';
import { foldKey, normalizeDomain } from '../imports/values.js';

/** Seed of the import file; another one than the data set's, so that most companies and persons are new. */
const IMPORT_SEED = 7_002;

export interface ImportResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  counts: ImportReport['counts'];
  failedBatches: number;
}

/**
 * Imports a generated file of `rows` data rows as `npm run import` does (reading and checking the
 * file included) and returns how long it took. The file is a Dutch Excel export: semicolons, Dutch
 * headers, list values by their Dutch names, companies of one to hundreds of persons. Its companies
 * are new to the database, as in a list of new leads, so the import mostly creates records.
 */
export async function measureImport(db: Db, rows: number): Promise<ImportResult> {
  const bytes = Buffer.from(generateImportFile(rows, await loadExistingCompanies(db)), 'utf8');

  const started = performance.now();
  const file = readImportFile(new Uint8Array(bytes), null);
  const report = await runImport(db, file, { actor: systemActor('import'), dryRun: false, timeZone: 'Europe/Amsterdam' });
  const seconds = (performance.now() - started) / 1000;

  return { rows, seconds, rowsPerSecond: rows / seconds, counts: report.counts, failedBatches: report.failedBatches.length };
}

const HEADER = [
  'Bedrijf',
  'Categorie',
  'Website',
  'Straat',
  'Postcode',
  'Plaats',
  'Land',
  'Aanhef',
  'Voornaam',
  'Tussenvoegsel',
  'Achternaam',
  'Functie',
  'E-mail',
  'Telefoon',
  'Mobiel',
  'Leadstatus',
  'Leadbron',
  'Eigenaar',
];

/** Categories of the file's companies by Dutch name, most of them leads. */
const CATEGORIES: ReadonlyArray<readonly [string | null, number]> = [
  ['Lead', 45],
  ['Marketinggekwalificeerde lead (MQL)', 12],
  ['Opportunity', 8],
  ['Klant', 15],
  ['Partner', 4],
  ['Overig', 4],
  [null, 12],
];
const LEAD_CATEGORIES = new Set(['Lead', 'Marketinggekwalificeerde lead (MQL)', 'Opportunity']);

/** Lead statuses by Dutch name; empty for a third of the leads, who then start at Open. */
const LEAD_STATUSES: ReadonlyArray<readonly [string, number]> = [
  ['', 35],
  ['Open', 20],
  ['Contact opnemen', 25],
  ['Opnieuw benaderen', 6],
  ['Gediskwalificeerd', 6],
  ['Gekwalificeerd', 8],
];

/** Names (folded as the import compares them) and domains of the companies in the database. */
interface ExistingCompanies {
  names: Set<string>;
  domains: Set<string>;
}

async function loadExistingCompanies(db: Db): Promise<ExistingCompanies> {
  const stored = await db.selectFrom('companies').select(['name', 'website']).execute();
  const domains = stored.map((company) => (company.website === null ? null : normalizeDomain(company.website)));
  return {
    names: new Set(stored.map((company) => foldKey(company.name))),
    domains: new Set(domains.filter((domain): domain is string => domain !== null)),
  };
}

/**
 * Generates the import file's text: a header and `rows` data rows. Generated companies whose name
 * or domain is in `existing` are skipped, so that every company of the file is new.
 */
export function generateImportFile(rows: number, existing: ExistingCompanies): string {
  const random = new SeededRandom(IMPORT_SEED);
  const companies = new CompanyGenerator(random);
  const nextNewCompany = () => {
    for (;;) {
      const company = companies.next();
      if (!existing.names.has(foldKey(company.name)) && (company.domain === null || !existing.domains.has(company.domain))) return company;
    }
  };
  const lines = [HEADER.join(';')];

  for (const entry of planCompanySizes(random, rows)) {
    const company = entry.hasCompany ? nextNewCompany() : null;
    const category = company === null ? null : random.pickWeighted(CATEGORIES);
    const persons = new PersonGenerator(random, company, entry.size);
    for (let index = 0; index < entry.size; index++) {
      const person = persons.next();
      const status = category !== null && LEAD_CATEGORIES.has(category) ? random.pickWeighted(LEAD_STATUSES) : '';
      lines.push(
        [
          company?.name ?? '',
          category ?? '',
          company?.website ?? '',
          company?.street ?? '',
          company?.postcode ?? '',
          company?.city ?? '',
          company?.country ?? '',
          person.salutation ?? '',
          person.firstName,
          person.middleName ?? '',
          person.lastName,
          person.jobTitle ?? '',
          person.email ?? '',
          person.phone ?? '',
          person.mobile ?? '',
          status,
          random.chance(0.4) ? random.pickWeighted(LEAD_SOURCES) : '',
          random.chance(0.6) ? random.pick(DEMO_USER_NAMES) : '',
        ]
          .map(quoteField)
          .join(';'),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function quoteField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
