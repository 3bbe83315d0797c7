import type { Criterion, Filter } from '../api/types';

/** Tells whether a filter consists of sets of lines rather than one set. */
export function isSets(filter: Filter): filter is Criterion[][] {
  return filter.length > 0 && Array.isArray(filter[0]);
}

/**
 * Narrows a filter by lines that every row must meet as well. With sets, each set gets the lines,
 * since (A or B) and C selects the same rows as (A and C) or (B and C).
 */
export function andLines(filter: Filter, lines: Criterion[]): Filter {
  if (lines.length === 0) return filter;
  if (isSets(filter)) return filter.map((set) => [...set, ...lines]);
  return [...(filter as Criterion[]), ...lines];
}
