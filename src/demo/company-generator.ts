import type { SeededRandom } from './random.js';
import { BRAND_REGIONS, brandName, COUNTRY_PROFILES, type CountryProfile } from './word-lists.js';

/** One entry of the demo data plan: a company with `size` persons, or one person without a company. */
export interface PlanEntry {
  hasCompany: boolean;
  size: number;
}

// Persons per company: most companies have one or two, a few have hundreds. The mean is about 4
// (4.05 over a million persons), the ratio of the benchmark data set of 1,000,000 persons in
// 250,000 companies.
const COMPANY_SIZE_TIERS: readonly (readonly [min: number, max: number, weight: number])[] = [
  [1, 1, 44],
  [2, 2, 22],
  [3, 4, 14],
  [5, 9, 12],
  [10, 25, 6.6],
  [26, 80, 1.2],
  [81, 500, 0.2],
];

/** Share of plan entries that are a person without a company: about 1% of all persons. */
const COMPANYLESS_ENTRY_SHARE = 0.04;

/**
 * Splits `persons` over companies of skewed sizes, with about 1% of the persons in no company.
 * The sizes add up to `persons` exactly. A company has at most 2% of all persons (and at least 10
 * are allowed), so that a small data set is not one company.
 */
export function planCompanySizes(random: SeededRandom, persons: number): PlanEntry[] {
  const maxSize = Math.max(10, Math.ceil(persons * 0.02));
  const entries: PlanEntry[] = [];

  let remaining = persons;
  while (remaining > 0) {
    if (random.chance(COMPANYLESS_ENTRY_SHARE)) {
      entries.push({ hasCompany: false, size: 1 });
      remaining -= 1;
      continue;
    }

    const [min, max] = random.pickWeighted(COMPANY_SIZE_TIERS.map(([low, high, weight]) => [[low, high], weight] as const));
    // Squaring skews the size towards the low end of its tier.
    const drawn = min + Math.floor((max - min + 1) * random.next() ** 2);
    const size = Math.min(drawn, maxSize, remaining);
    entries.push({ hasCompany: true, size });
    remaining -= size;
  }
  return entries;
}

export interface GeneratedCompany {
  name: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  phone: string | null;
  website: string | null;
  /** Domain of the company's email addresses; null for a company without a website. */
  domain: string | null;
  profile: CountryProfile;
}

/** Generates companies with plausible names and addresses, keeping names and domains unique. */
export class CompanyGenerator {
  private readonly usedNames = new Set<string>();
  private readonly usedDomains = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  next(): GeneratedCompany {
    const random = this.random;
    const profile = random.pickWeighted(COUNTRY_PROFILES.map((country) => [country, country.weight] as const));
    const city = random.pickWeighted(profile.cities.map((entry) => [entry, entry.weight] as const));

    const baseName = this.uniqueBaseName(profile, city.name);
    const legalForm = random.pickWeighted(profile.legalForms);
    const name = legalForm === '' ? baseName : `${baseName} ${legalForm}`;

    let domain: string | null = null;
    if (random.chance(0.88)) domain = this.uniqueDomain(baseName, city.name, profile.topLevelDomain);

    const houseNumber = `${random.integer(1, 250)}${random.chance(0.08) ? random.pick(['a', 'b', 'c']) : ''}`;
    return {
      name,
      street: `${random.pick(profile.streets)} ${houseNumber}`,
      postcode: profile.formatPostcode(random, city),
      city: city.name,
      country: profile.countryName,
      phone: random.chance(0.93) ? profile.formatPhone(random, city.areaCode) : null,
      website: domain === null ? null : `www.${domain}`,
      domain,
      profile,
    };
  }

  private uniqueBaseName(profile: CountryProfile, cityName: string): string {
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = this.baseName(profile, cityName);
      if (!this.usedNames.has(candidate)) {
        this.usedNames.add(candidate);
        return candidate;
      }
    }

    // Real companies with a common name add their place: "Bakkerij Jansen Zwolle".
    const base = this.baseName(profile, cityName);
    let candidate = `${base} ${cityName}`;
    for (let suffix = 2; this.usedNames.has(candidate); suffix++) candidate = `${base} ${cityName} ${suffix}`;
    this.usedNames.add(candidate);
    return candidate;
  }

  /** Builds a company name without its legal form. */
  private baseName(profile: CountryProfile, cityName: string): string {
    const random = this.random;
    const pattern = random.pickWeighted([
      ['tradeAndName', 28],
      ['nameAndSector', 25],
      ['family', 5],
      ['partners', 6],
      ['brand', 20],
      ['tradeAndCity', 8],
      ['brandAndSector', 8],
    ] as const);

    switch (pattern) {
      case 'tradeAndName':
        return `${random.pick(profile.trades)} ${random.pick(profile.lastNames)}`;
      case 'nameAndSector':
        return `${capitalizeFirst(random.pick(profile.lastNames))} ${random.pick(profile.sectors)}`;
      case 'family': {
        const lastName = random.pick(profile.lastNames);
        return random.pick(profile.familyFirmPatterns).replace('{name}', lastName).replace('{Name}', capitalizeFirst(lastName));
      }
      case 'partners': {
        const first = capitalizeFirst(random.pick(profile.lastNames));
        const second = capitalizeFirst(random.pick(profile.lastNames));
        return `${first} & ${second} ${random.pick(profile.partnershipKinds)}`;
      }
      case 'brand':
        return random.chance(0.3) ? `${brandName(random)} ${random.pick(BRAND_REGIONS)}` : brandName(random);
      case 'tradeAndCity':
        return `${random.pick(profile.trades)} ${cityName}`;
      case 'brandAndSector':
        return `${brandName(random)} ${random.pick(profile.sectors)}`;
    }
  }

  private uniqueDomain(baseName: string, cityName: string, topLevelDomain: string): string {
    const words = toAsciiLower(baseName.replace(/&/g, ' ')).split(/[^a-z0-9]+/).filter((word) => word !== '');
    const label = this.random.chance(0.7) ? words.join('') : words.join('-');

    let domain = `${label}.${topLevelDomain}`;
    if (this.usedDomains.has(domain)) domain = `${label}-${toAsciiLower(cityName).replace(/[^a-z0-9]+/g, '')}.${topLevelDomain}`;
    for (let suffix = 2; this.usedDomains.has(domain); suffix++) domain = `${label}${suffix}.${topLevelDomain}`;
    this.usedDomains.add(domain);
    return domain;
  }
}

/** Capitalizes a name at the start of a company name: "van der Berg" becomes "Van der Berg". */
function capitalizeFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

// Letters that Unicode decomposition does not reduce to ASCII.
const ASCII_REPLACEMENTS: Record<string, string> = { ß: 'ss', ı: 'i', ø: 'o', æ: 'ae', ł: 'l', đ: 'd' };

/** Lower-cases and removes accents, for email addresses and domains: "Çelik" becomes "celik". */
export function toAsciiLower(text: string, germanUmlauts = false): string {
  let lower = text.toLowerCase();
  if (germanUmlauts) lower = lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßıøæłđ]/g, (letter) => ASCII_REPLACEMENTS[letter]!);
}
