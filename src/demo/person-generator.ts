import { type GeneratedCompany, toAsciiLower } from './company-generator.js';
import type { SeededRandom } from './random.js';
import { COUNTRY_PROFILES, type CountryProfile, TUSSENVOEGSELS } from './word-lists.js';

export interface GeneratedPerson {
  salutation: string | null;
  firstName: string;
  /** The Dutch tussenvoegsel, such as "van der"; null for names without one. */
  middleName: string | null;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
}

/** The ways a company builds its email addresses; each company uses one. */
type EmailPattern = 'first.last' | 'f.last' | 'first' | 'firstlast' | 'flast';

const EMAIL_PATTERNS: readonly (readonly [EmailPattern, number])[] = [
  ['first.last', 50],
  ['f.last', 25],
  ['first', 10],
  ['firstlast', 8],
  ['flast', 7],
];

/**
 * Generates the persons of one company, or persons without a company. Email addresses are built
 * from the names and the company's domain with one pattern per company, and are unique within it.
 */
export class PersonGenerator {
  private readonly emailPattern: EmailPattern;
  private readonly usedEmails = new Set<string>();
  private generated = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly company: GeneratedCompany | null,
    private readonly companySize: number,
  ) {
    this.emailPattern = random.pickWeighted(EMAIL_PATTERNS);
  }

  next(): GeneratedPerson {
    const random = this.random;
    const company = this.company;
    const profile: CountryProfile = company?.profile ?? COUNTRY_PROFILES[0]!;
    const isFirst = this.generated === 0;
    this.generated += 1;

    const female = random.chance(0.5);
    const firstName = random.pick(female ? profile.femaleFirstNames : profile.maleFirstNames);
    const { middleName, lastName } = splitTussenvoegsel(random.pick(profile.lastNames));

    let jobTitle: string | null = null;
    if (company !== null && isFirst && this.companySize <= 5 && random.chance(0.7)) {
      jobTitle = random.pick(profile.leaderJobTitles);
    } else if (company !== null && random.chance(0.92)) {
      jobTitle = random.pickWeighted(profile.jobTitles);
    }

    const phone =
      company !== null && random.chance(0.5)
        ? profile.formatPhone(random, areaCodeOf(profile, company.city))
        : null;

    let salutation: string | null = null;
    if (random.chance(0.85)) salutation = female ? profile.salutations.female : profile.salutations.male;

    return {
      salutation,
      firstName,
      middleName,
      lastName,
      jobTitle,
      email: random.chance(0.93) ? this.email(profile, firstName, middleName, lastName) : null,
      phone,
      mobile: random.chance(0.65) ? profile.formatMobile(random) : null,
    };
  }

  private email(profile: CountryProfile, firstName: string, middleName: string | null, lastName: string): string {
    const germanUmlauts = profile.topLevelDomain === 'de';
    const first = toAsciiLower(firstName, germanUmlauts).replace(/[^a-z0-9-]/g, '');
    const last = toAsciiLower(`${middleName ?? ''}${lastName}`, germanUmlauts).replace(/[^a-z0-9-]/g, '');

    const domain = this.company?.domain;
    if (domain === undefined || domain === null) {
      // Small businesses without a website often use a free mail address with digits.
      return `${first}.${last}${this.random.integer(1, 99)}@${this.random.pick(profile.freeMailDomains)}`;
    }

    const patterns: Record<EmailPattern, string> = {
      'first.last': `${first}.${last}`,
      'f.last': `${first.charAt(0)}.${last}`,
      first,
      firstlast: `${first}${last}`,
      flast: `${first.charAt(0)}${last}`,
    };
    const local = patterns[this.emailPattern];
    let email = `${local}@${domain}`;
    for (let suffix = 2; this.usedEmails.has(email); suffix++) email = `${local}${suffix}@${domain}`;
    this.usedEmails.add(email);
    return email;
  }
}

/** Splits "van der Berg" into the tussenvoegsel "van der" and the last name "Berg". */
export function splitTussenvoegsel(fullLastName: string): { middleName: string | null; lastName: string } {
  // TUSSENVOEGSELS lists "van der" before "van", so the longest prefix matches first.
  const prefix = TUSSENVOEGSELS.find((candidate) => fullLastName.startsWith(`${candidate} `));
  if (prefix === undefined) return { middleName: null, lastName: fullLastName };
  return { middleName: prefix, lastName: fullLastName.slice(prefix.length + 1) };
}

function areaCodeOf(profile: CountryProfile, cityName: string): string {
  return profile.cities.find((city) => city.name === cityName)?.areaCode ?? profile.cities[0]!.areaCode;
}
