import type { Criterion, SelectionEntity } from '../api/types';
import { valueArity } from '../lists/operators';
import { FIND_OPERATORS, findField } from './findFields';

export type CriterionValue = Criterion['values'][number];

/**
 * One criteria line while the user builds it. `field` is empty until a field is chosen, and
 * `values` keeps empty inputs as '' in their place, so "between" keeps its second value while the
 * first is cleared.
 */
export interface DraftLine {
  /** React key; stays with the line while lines around it are added and removed. */
  key: number;
  field: string;
  operator: string;
  values: CriterionValue[];
}

export interface DraftSet {
  key: number;
  lines: DraftLine[];
}

let lastKey = 0;

function nextKey(): number {
  lastKey += 1;
  return lastKey;
}

export function blankLine(): DraftLine {
  return { key: nextKey(), field: '', operator: '', values: [] };
}

export function blankSet(): DraftSet {
  return { key: nextKey(), lines: [blankLine()] };
}

export function blankDraft(): DraftSet[] {
  return [blankSet()];
}

/** Returns the line with another field: the first operator of the field's type and no values yet. */
export function withField(line: DraftLine, entity: SelectionEntity, fieldName: string): DraftLine {
  const field = findField(entity, fieldName);
  if (field === undefined) return { ...line, field: '', operator: '', values: [] };
  const previous = line.field === '' ? undefined : findField(entity, line.field);
  // A field of the same type keeps operator and values, except for list fields: their values are
  // ids of one list, so they never carry over to another. An event's subject comes first among its
  // values, so values carry over only between fields that both have one or both have none.
  const sameKind = previous?.type === field.type && (previous.subject === undefined) === (field.subject === undefined);
  if (sameKind && field.type !== 'list' && field.subject === undefined) return { ...line, field: fieldName };
  const operator = FIND_OPERATORS[field.type][0] ?? '';
  let values: CriterionValue[] = [];
  if (field.type === 'boolean') values = [true];
  if (field.subject !== undefined) values = [''];
  return { ...line, field: fieldName, operator, values };
}

/** Returns the line with another operator, keeping the values where the new operator takes the same kind. */
export function withOperator(line: DraftLine, operator: string): DraftLine {
  const before = valueArity(line.operator);
  const after = valueArity(operator);
  const sameKind = before === after || (before === 'one' && after === 'two') || (before === 'two' && after === 'one');
  const keep = sameKind && (line.operator === 'lastNDays') === (operator === 'lastNDays');
  return { ...line, operator, values: keep ? line.values.slice(0, after === 'one' ? 1 : undefined) : [] };
}

/** Builds editable lines from criteria sets, such as those in the address or of a saved selection. */
export function toDraft(criteria: Criterion[][]): DraftSet[] {
  if (criteria.length === 0) return blankDraft();
  return criteria.map((set) => ({
    key: nextKey(),
    lines: set.length === 0 ? [blankLine()] : set.map((line) => ({ key: nextKey(), field: line.field, operator: line.operator, values: [...line.values] })),
  }));
}

/** Returns the line as the API takes it, or null while no field is chosen: such a line is left out. */
export function toCriterion(line: DraftLine): Criterion | null {
  if (line.field === '') return null;
  const trimmed = line.values.map((value) => (typeof value === 'string' ? value.trim() : value));
  // An event's subject keeps its place even while unchosen, so the dates that follow it stay dates.
  const subject = findField('person', line.field)?.subject !== undefined ? trimmed.slice(0, 1) : [];
  const values = [...subject, ...trimmed.slice(subject.length).filter((value) => value !== '')];
  return { field: line.field, operator: line.operator, values };
}

/**
 * Turns the draft into criteria sets for the API. Lines without a field and sets without lines are
 * left out, so a fresh screen searches all records. Incomplete lines are sent as they are: the
 * server checks every line and its error names the line, which the screen shows there.
 */
export function toCriteria(draft: DraftSet[]): Criterion[][] {
  return draft
    .map((set) => set.lines.map(toCriterion).filter((line): line is Criterion => line !== null))
    .filter((set) => set.length > 0);
}

/**
 * Places the server's messages about the searched criteria, which name a line by its position
 * ("set/line"), at the lines of the draft. A line keeps its message only while it still reads as
 * it was searched, so correcting a line clears its message at once.
 */
export function lineErrorsOf(draft: DraftSet[], searched: Criterion[][], messages: Map<string, string>): Map<number, string> {
  const errors = new Map<number, string>();
  let setIndex = 0;
  for (const set of draft) {
    let lineIndex = 0;
    for (const line of set.lines) {
      // Lines without a field are left out of the search, so they take no position.
      const criterion = toCriterion(line);
      if (criterion === null) continue;
      const message = messages.get(`${setIndex}/${lineIndex}`);
      if (message !== undefined && JSON.stringify(criterion) === JSON.stringify(searched[setIndex]?.[lineIndex])) errors.set(line.key, message);
      lineIndex += 1;
    }
    if (lineIndex > 0) setIndex += 1;
  }
  return errors;
}

/**
 * Keeps the lines that also work for the other entity: fields of the same name and type, such as
 * category, owner or city. Used when the user switches between persons and companies.
 */
export function draftForEntity(draft: DraftSet[], from: SelectionEntity, to: SelectionEntity): DraftSet[] {
  const kept = draft
    .map((set) => ({
      ...set,
      lines: set.lines.filter((line) => {
        if (line.field === '') return false;
        const target = findField(to, line.field);
        return target !== undefined && target.type === findField(from, line.field)?.type;
      }),
    }))
    .filter((set) => set.lines.length > 0);
  return kept.length > 0 ? kept : blankDraft();
}
