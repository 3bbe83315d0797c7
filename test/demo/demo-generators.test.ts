import { describe, expect, it } from 'vitest';

import { CompanyGenerator, planCompanySizes, toAsciiLower } from '../../src/demo/company-generator.js';
import { LeadStatusPlanner, spreadChangeTimes } from '../../src/demo/lead-history.js';
import { PersonGenerator, splitTussenvoegsel } from '../../src/demo/person-generator.js';
import { SeededRandom } from '../../src/demo/random.js';

describe('SeededRandom', () => {
  it('repeats the sequence for a seed', () => {
    const first = new SeededRandom(42);
    const second = new SeededRandom(42);
    const other = new SeededRandom(43);

    const sequence = Array.from({ length: 20 }, () => first.next());
    expect(Array.from({ length: 20 }, () => second.next())).toEqual(sequence);
    expect(Array.from({ length: 20 }, () => other.next())).not.toEqual(sequence);
  });

  it('spreads numbers evenly over [0, 1)', () => {
    const random = new SeededRandom(7);
    const buckets = new Array<number>(10).fill(0);
    let min = 1;
    let max = 0;
    for (let index = 0; index < 100_000; index++) {
      const value = random.next();
      min = Math.min(min, value);
      max = Math.max(max, value);
      buckets[Math.floor(value * 10)]! += 1;
    }

    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) {
      expect(count).toBeGreaterThan(9_500);
      expect(count).toBeLessThan(10_500);
    }
  });

  it('keeps integers within both bounds', () => {
    const random = new SeededRandom(1);
    const seen = new Set<number>();
    for (let index = 0; index < 1_000; index++) seen.add(random.integer(3, 6));

    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('planCompanySizes', () => {
  const persons = 100_000;
  const plan = planCompanySizes(new SeededRandom(3), persons);
  const sizes = plan.filter((entry) => entry.hasCompany).map((entry) => entry.size);

  it('adds up to the persons requested', () => {
    expect(plan.reduce((sum, entry) => sum + entry.size, 0)).toBe(persons);
  });

  it('skews company sizes', () => {
    const sorted = [...sizes].sort((a, b) => a - b);
    const mean = persons / sizes.length;

    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(2);
    expect(mean).toBeGreaterThan(3);
    expect(mean).toBeLessThan(5.5);
    expect(sizes.filter((size) => size >= 100).length).toBeGreaterThanOrEqual(5);
    expect(sorted[sorted.length - 1]).toBeGreaterThanOrEqual(200);
  });

  it('leaves about 1% of persons without a company', () => {
    const companyless = plan.filter((entry) => !entry.hasCompany).length;

    expect(companyless).toBeGreaterThan(persons * 0.005);
    expect(companyless).toBeLessThan(persons * 0.02);
  });

  it('limits companies in a small data set', () => {
    const small = planCompanySizes(new SeededRandom(3), 200);

    expect(Math.max(...small.map((entry) => entry.size))).toBeLessThanOrEqual(10);
  });
});

describe('CompanyGenerator', () => {
  it('keeps names and domains unique', () => {
    const generator = new CompanyGenerator(new SeededRandom(11));
    const companies = Array.from({ length: 5_000 }, () => generator.next());
    const domains = companies.flatMap((company) => (company.domain === null ? [] : [company.domain]));

    expect(new Set(companies.map((company) => company.name)).size).toBe(companies.length);
    expect(new Set(domains).size).toBe(domains.length);
    for (const domain of domains) expect(domain).toMatch(/^[a-z0-9-]+\.(nl|be|de)$/);
  });

  it('mixes Dutch, Belgian and German companies', () => {
    const generator = new CompanyGenerator(new SeededRandom(12));
    const countries = new Map<string, number>();
    for (let index = 0; index < 2_000; index++) {
      const country = generator.next().country;
      countries.set(country, (countries.get(country) ?? 0) + 1);
    }

    expect(countries.get('Nederland')).toBeGreaterThan(1_500);
    expect(countries.get('België')).toBeGreaterThan(50);
    expect(countries.get('Duitsland')).toBeGreaterThan(20);
  });
});

describe('PersonGenerator', () => {
  it('keeps emails unique within a company', () => {
    const random = new SeededRandom(5);
    let company = new CompanyGenerator(random).next();
    while (company.domain === null) company = new CompanyGenerator(random).next();
    const generator = new PersonGenerator(random, company, 400);
    const emails = Array.from({ length: 400 }, () => generator.next().email).filter((email) => email !== null);

    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email.endsWith(`@${company.domain}`)).toBe(true);
  });
});

describe('splitTussenvoegsel', () => {
  it.each([
    ['van der Berg', 'van der', 'Berg'],
    ['van den Broek', 'van den', 'Broek'],
    ['van de Ven', 'van de', 'Ven'],
    ['de Vries', 'de', 'Vries'],
    ["van 't Hof", "van 't", 'Hof'],
    ['Jansen', null, 'Jansen'],
    ['De Smet', null, 'De Smet'],
    ['Devries', null, 'Devries'],
  ])('splits %s', (fullName, middleName, lastName) => {
    expect(splitTussenvoegsel(fullName)).toEqual({ middleName, lastName });
  });
});

describe('toAsciiLower', () => {
  it.each([
    ['Çelik', false, 'celik'],
    ['Yılmaz', false, 'yilmaz'],
    ['Zoë', false, 'zoe'],
    ['Müller', true, 'mueller'],
    ['Strauß', true, 'strauss'],
    ['Müller', false, 'muller'],
  ])('folds %s', (text, germanUmlauts, expected) => {
    expect(toAsciiLower(text, germanUmlauts)).toBe(expected);
  });
});

describe('LeadStatusPlanner', () => {
  const statuses = [
    { id: 1, nameEn: 'Open', isDefault: true },
    { id: 2, nameEn: 'Contacting', isDefault: false },
    { id: 3, nameEn: 'Disqualified', isDefault: false },
    { id: 4, nameEn: 'Re-nurture', isDefault: false },
    { id: 5, nameEn: 'Qualified', isDefault: false },
  ];
  const leadCategory = { id: 1, nameEn: 'Lead', group: 'potentialCustomer' as const, leadStatusEnabled: true };

  it('chains changes from no status', () => {
    const planner = new LeadStatusPlanner(new SeededRandom(9), statuses);
    for (let index = 0; index < 500; index++) {
      const steps = planner.chooseLeadSteps(leadCategory);
      expect(steps[0]).toMatchObject({ fromStatusId: null, toStatusId: 1 });
      for (let step = 1; step < steps.length; step++) {
        expect(steps[step]!.fromStatusId).toBe(steps[step - 1]!.toStatusId);
        expect(steps[step]!.toStatusId).not.toBe(steps[step]!.fromStatusId);
      }
    }
  });

  it('skews leads towards early statuses', () => {
    const planner = new LeadStatusPlanner(new SeededRandom(10), statuses);
    const counts = new Map<number, number>();
    for (let index = 0; index < 5_000; index++) {
      const current = planner.chooseLeadSteps(leadCategory).at(-1)!.toStatusId;
      counts.set(current, (counts.get(current) ?? 0) + 1);
    }

    expect(counts.get(1)).toBeGreaterThan(counts.get(5)! * 5);
    expect(counts.get(2)).toBeGreaterThan(counts.get(5)! * 5);
  });

  it('starts at a renamed default and skips deleted statuses', () => {
    const edited = [
      { id: 2, nameEn: 'Contacting', isDefault: true },
      { id: 5, nameEn: 'Qualified', isDefault: false },
      { id: 9, nameEn: 'Waiting for budget', isDefault: false },
    ];
    const planner = new LeadStatusPlanner(new SeededRandom(4), edited);
    const targets = new Set<number>();
    for (let index = 0; index < 500; index++) {
      const steps = planner.chooseLeadSteps(leadCategory);
      expect(steps[0]!.toStatusId).toBe(2);
      for (const step of steps) expect([2, 5, 9]).toContain(step.toStatusId);
      targets.add(steps.at(-1)!.toStatusId);
    }

    expect([...targets].sort()).toEqual([2, 5, 9]);
  });

  it('rejects lists without a default status', () => {
    expect(() => new LeadStatusPlanner(new SeededRandom(1), [{ id: 1, nameEn: 'Open', isDefault: false }])).toThrow(
      'no default lead status',
    );
  });
});

describe('spreadChangeTimes', () => {
  it('increases within the period', () => {
    const random = new SeededRandom(8);
    const start = Date.UTC(2025, 0, 1);
    const end = Date.UTC(2026, 0, 1);
    for (let index = 0; index < 200; index++) {
      const times = spreadChangeTimes(random, 5, start, end);
      expect(times[0]).toBe(start);
      for (let step = 1; step < times.length; step++) {
        expect(times[step]).toBeGreaterThan(times[step - 1]!);
        expect(times[step]).toBeLessThanOrEqual(end);
        expect(times[step]! % 1_000).toBe(0);
      }
    }
  });
});
