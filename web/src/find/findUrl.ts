import type { Criterion, SelectionEntity } from '../api/types';
import { paths } from '../app/router';
import { FIND_OPERATORS, findField } from './findFields';

/**
 * The find screen keeps its search in the address, so a reload, the back button and a copied
 * link show the same search:
 *
 *   /find?entity=person&criteria=[[{"field":"leadStatus","operator":"isOneOf","values":[1]}]]
 *   /find?selection=12                  the criteria of saved selection 12
 *   /find?selection=12&criteria=[[…]]   changed criteria of selection 12, not saved yet
 *
 * Without `criteria` nothing has been searched yet; `criteria=[]` searches all records.
 */
export interface FindParams {
  entity: SelectionEntity;
  /** The criteria sets searched, or null when nothing has been searched yet. */
  criteria: Criterion[][] | null;
  selectionId: number | null;
  /** Problem found in the address, whose faulty part the screen then ignores; null when there is none. */
  problem: 'entity' | 'criteria' | 'selection' | 'selectionCriteria' | null;
}

export function parseFindParams(params: URLSearchParams): FindParams {
  const result: FindParams = { entity: 'person', criteria: null, selectionId: null, problem: null };

  const selection = params.get('selection');
  if (selection !== null) {
    if (!/^[1-9]\d{0,9}$/.test(selection) || Number(selection) > 2_147_483_647) return { ...result, problem: 'selection' };
    result.selectionId = Number(selection);
  }

  const entity = params.get('entity');
  if (entity === 'company' || entity === 'person') result.entity = entity;
  else if (entity !== null) return { ...result, problem: 'entity' };

  const criteria = params.get('criteria');
  if (criteria === null) return result;
  // A selection's entity is known only once it is loaded, so its criteria are checked then.
  const parsed = parseCriteria(criteria);
  if (parsed === null || (result.selectionId === null && !fitsEntity(parsed, result.entity))) return { ...result, problem: 'criteria' };
  return { ...result, criteria: parsed };
}

/**
 * Reads criteria from the address: sets of lines, or a single set of lines. Returns null for
 * anything else; values are left for the server to check, which names the offending line.
 */
export function parseCriteria(text: string): Criterion[][] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const sets: unknown[] = value.length > 0 && value.every((item) => !Array.isArray(item)) ? [value] : value;
  const result: Criterion[][] = [];
  for (const set of sets) {
    if (!Array.isArray(set)) return null;
    const lines: Criterion[] = [];
    for (const line of set) {
      const criterion = readCriterion(line);
      if (criterion === null) return null;
      lines.push(criterion);
    }
    if (lines.length > 0) result.push(lines);
  }
  return result;
}

function readCriterion(value: unknown): Criterion | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { field, operator, values = [] } = value as Record<string, unknown>;
  if (typeof field !== 'string' || typeof operator !== 'string' || !Array.isArray(values)) return null;
  const scalar = (item: unknown) => item === null || ['string', 'number', 'boolean'].includes(typeof item);
  if (!values.every(scalar)) return null;
  return { field, operator, values: values as Criterion['values'] };
}

/** Tells whether every line names a field of the entity and an operator of that field's type. */
export function fitsEntity(criteria: Criterion[][], entity: SelectionEntity): boolean {
  return criteria.every((set) =>
    set.every((line) => {
      const field = findField(entity, line.field);
      return field !== undefined && FIND_OPERATORS[field.type].includes(line.operator);
    }),
  );
}

/** Builds the address of a search. A selection's entity is the selection's own, so it is left out. */
export function findUrl(search: { entity: SelectionEntity; criteria: Criterion[][] | null; selectionId?: number | null }): string {
  const params = new URLSearchParams();
  if (search.selectionId !== undefined && search.selectionId !== null) params.set('selection', String(search.selectionId));
  else params.set('entity', search.entity);
  if (search.criteria !== null) params.set('criteria', JSON.stringify(search.criteria));
  return `${paths.find}?${params.toString()}`;
}
