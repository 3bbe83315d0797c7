import type { CategoryGroup, LeadStatusChangeSource } from '../db/schema.js';
import type { SeededRandom } from './random.js';

/**
 * Lead statuses for the demo persons: the current status of each person and the chain of changes
 * that led to it. The default lead statuses are recognised by their English name, so the shares
 * below apply to a database whose lists still have them. Statuses an administrator added get a
 * small share, and deleted ones none.
 */

export interface LeadStatusItem {
  id: number;
  nameEn: string | null;
  isDefault: boolean;
}

export interface CategoryItem {
  id: number;
  nameEn: string | null;
  group: CategoryGroup;
  leadStatusEnabled: boolean;
}

type StatusWeights = Readonly<Record<string, number>>;

// Current statuses of the leads per category: many leads still Open or being contacted, few
// qualified yet, lost opportunities mostly disqualified or set aside for later.
const LEAD_WEIGHTS_BY_CATEGORY: Readonly<Record<string, StatusWeights>> = {
  Lead: { Open: 50, Contacting: 30, 'Re-nurture': 8, Disqualified: 9, Qualified: 3 },
  'Marketing qualified lead (MQL)': { Open: 20, Contacting: 45, 'Re-nurture': 12, Disqualified: 10, Qualified: 13 },
  Opportunity: { Open: 10, Contacting: 35, 'Re-nurture': 10, Disqualified: 10, Qualified: 35 },
  'Lost opportunity': { Open: 3, Contacting: 7, 'Re-nurture': 45, Disqualified: 40, Qualified: 5 },
};
const DEFAULT_LEAD_WEIGHTS = LEAD_WEIGHTS_BY_CATEGORY.Lead!;

// Persons of companies that left the lead categories keep their last status as a retained status.
// Customers mostly were qualified leads. Partners and "other" companies were seldom leads.
const RETAINED_BY_GROUP: Readonly<Record<CategoryGroup | 'none', { share: number; weights: StatusWeights }>> = {
  potentialCustomer: { share: 0.1, weights: { Disqualified: 50, 'Re-nurture': 50 } },
  customer: { share: 0.5, weights: { Qualified: 70, Contacting: 15, 'Re-nurture': 15 } },
  lost: { share: 0.5, weights: { Qualified: 40, Disqualified: 30, 'Re-nurture': 30 } },
  partner: { share: 0.2, weights: { Qualified: 50, Disqualified: 25, 'Re-nurture': 25 } },
  other: { share: 0.1, weights: { Disqualified: 50, 'Re-nurture': 50 } },
  none: { share: 0.1, weights: { Disqualified: 50, 'Re-nurture': 50 } },
};

/** Weight of a status that an administrator added, compared with the default statuses above. */
const ADDED_STATUS_WEIGHT = 3;

/** Chains of English status names from the start of a lead cycle to the current status. */
const PATHS_TO: Readonly<Record<string, readonly (readonly [readonly string[], number])[]>> = {
  Open: [[['Open'], 1]],
  Contacting: [
    [['Open', 'Contacting'], 85],
    [['Open', 'Contacting', 'Re-nurture', 'Contacting'], 15],
  ],
  'Re-nurture': [
    [['Open', 'Contacting', 'Re-nurture'], 90],
    [['Open', 'Re-nurture'], 10],
  ],
  Disqualified: [
    [['Open', 'Contacting', 'Disqualified'], 80],
    [['Open', 'Disqualified'], 20],
  ],
  Qualified: [
    [['Open', 'Contacting', 'Qualified'], 65],
    [['Open', 'Contacting', 'Re-nurture', 'Contacting', 'Qualified'], 25],
    [['Open', 'Qualified'], 10],
  ],
};

const LATER_CHANGE_SOURCES: readonly (readonly [LeadStatusChangeSource, number])[] = [
  ['edit', 70],
  ['board', 22],
  ['bulkUpdate', 5],
  ['import', 3],
];

/** Share of persons that were created by an import rather than by hand. */
const IMPORTED_SHARE = 0.25;

export interface LeadStatusStep {
  fromStatusId: number | null;
  toStatusId: number;
  source: LeadStatusChangeSource;
}

export class LeadStatusPlanner {
  private readonly defaultStatus: LeadStatusItem;
  private readonly byName = new Map<string, LeadStatusItem>();
  private readonly addedStatuses: LeadStatusItem[];

  /** `statuses` are the lead statuses that are not deleted, one of them the default. */
  constructor(
    private readonly random: SeededRandom,
    statuses: readonly LeadStatusItem[],
  ) {
    const defaultStatus = statuses.find((status) => status.isDefault);
    if (defaultStatus === undefined) throw new Error('the database has no default lead status; make one status the default first');
    this.defaultStatus = defaultStatus;

    const knownNames = new Set(Object.keys(PATHS_TO));
    for (const status of statuses) {
      if (status.nameEn !== null && knownNames.has(status.nameEn)) this.byName.set(status.nameEn, status);
    }
    this.addedStatuses = statuses.filter((status) => !this.byName.has(status.nameEn ?? '') && !status.isDefault);
  }

  /** Chooses the current status of a lead in a company of the given category, with the changes that led to it. */
  chooseLeadSteps(category: CategoryItem): LeadStatusStep[] {
    const weights = LEAD_WEIGHTS_BY_CATEGORY[category.nameEn ?? ''] ?? DEFAULT_LEAD_WEIGHTS;
    return this.stepsTo(this.chooseTarget(weights));
  }

  /**
   * Chooses the retained status of a person whose company has no lead-enabled category, or
   * returns an empty list for a person that was never a lead.
   */
  chooseRetainedSteps(category: CategoryItem | null): LeadStatusStep[] {
    const retained = RETAINED_BY_GROUP[category?.group ?? 'none'];
    if (!this.random.chance(retained.share)) return [];
    return this.stepsTo(this.chooseTarget(retained.weights));
  }

  private chooseTarget(weights: StatusWeights): LeadStatusItem {
    const candidates: Array<readonly [LeadStatusItem, number]> = [];
    for (const [name, weight] of Object.entries(weights)) {
      const status = this.byName.get(name);
      if (status !== undefined) candidates.push([status, weight]);
    }
    for (const status of this.addedStatuses) candidates.push([status, ADDED_STATUS_WEIGHT]);
    if (candidates.length === 0) return this.defaultStatus;
    return this.random.pickWeighted(candidates);
  }

  /** Builds the chain of changes from no status to `target`, starting at the default status. */
  private stepsTo(target: LeadStatusItem): LeadStatusStep[] {
    const paths = PATHS_TO[target.nameEn ?? ''];
    const names = paths === undefined ? ['Open', target.nameEn ?? ''] : this.random.pickWeighted(paths);

    // The chain starts at whatever status is the default, and skips statuses that were deleted.
    const ids: number[] = [this.defaultStatus.id];
    for (const name of names.slice(1, -1)) {
      const status = this.byName.get(name);
      if (status !== undefined && status.id !== ids[ids.length - 1]) ids.push(status.id);
    }
    if (target.id !== ids[ids.length - 1]) ids.push(target.id);

    const steps: LeadStatusStep[] = [
      { fromStatusId: null, toStatusId: ids[0]!, source: this.random.chance(IMPORTED_SHARE) ? 'import' : 'edit' },
    ];
    for (let index = 1; index < ids.length; index++) {
      steps.push({ fromStatusId: ids[index - 1]!, toStatusId: ids[index]!, source: this.random.pickWeighted(LATER_CHANGE_SOURCES) });
    }
    return steps;
  }
}

/**
 * Spreads `count` change times over the period from `start` to `end`: the first at `start`, each
 * later one a random part of the remaining time after the one before. Times are whole seconds and
 * strictly increasing while the period allows it.
 */
export function spreadChangeTimes(random: SeededRandom, count: number, start: number, end: number): number[] {
  const times = [start];
  let previous = start;
  for (let index = 1; index < count; index++) {
    const remaining = end - previous;
    const next = Math.max(previous + 1_000, previous + Math.floor(remaining * (0.05 + random.next() * 0.45)));
    previous = Math.floor(Math.min(next, end) / 1_000) * 1_000;
    times.push(previous);
  }
  return times;
}
