import type { TFunction } from 'i18next';

import { ApiError } from '../api/client';
import type { Criterion, Language } from '../api/types';
import { formatNumber } from '../i18n/format';

/** Messages about invalid criteria: per line, keyed "set/line", and for the criteria as a whole. */
export interface CriteriaProblems {
  lines: Map<string, string>;
  general: string[];
}

/**
 * The server names an invalid line with a JSON pointer into the criteria it was sent: the list
 * filter as "/filter/0/1/values/0", a selection's criteria as "/criteria/0/1/operator".
 */
const LINE_PATH = /^\/(?:filter|criteria)\/(\d+)\/(\d+)(\/.*)?$/;

/**
 * Patterns of the server's English messages about criteria values, each with the text shown
 * instead. A message that matches none gets a general text, so no English lands on a Dutch screen.
 */
const VALUE_MESSAGES: Array<[RegExp, (t: TFunction, match: RegExpMatchArray, language: Language) => string]> = [
  // Before the number patterns: an id's message also names its range of whole numbers.
  [/must be an? (lead status|category|company|user) id|must be a category group/, (t) => t('find.errors.unknownValue')],
  [/needs at least one value/, (t) => t('find.errors.chooseValue')],
  [/takes exactly 2 values/, (t) => t('find.errors.bothValues')],
  [/takes no values/, (t) => t('find.errors.noValues')],
  [/must be a date/, (t) => t('find.errors.date')],
  [/first date of "between" must not be after/, (t) => t('find.errors.dateOrder')],
  [/whole number of days from 1 to (\d+)/, (t, match, language) => t('find.errors.days', { max: formatNumber(Number(match[1]), language) })],
  [
    /whole number from (\d+) to (\d+)/,
    (t, match, language) =>
      t('find.errors.wholeNumber', { min: formatNumber(Number(match[1]), language), max: formatNumber(Number(match[2]), language) }),
  ],
  [/first number of "between" must not be greater/, (t) => t('find.errors.numberOrder')],
  [/non-empty text/, (t) => t('find.errors.text')],
  [/characters long; the maximum is (\d+)/, (t, match) => t('validation.tooLongMax', { max: Number(match[1]) })],
  [/true or false/, (t) => t('find.errors.yesNo')],
];

/**
 * Returns what the server found wrong with the criteria, in the user's language. `criteriaPath`
 * points at the criteria inside a larger request, such as "/tiles/2/criteria", and then problems
 * with other fields of that request are left out.
 */
export function criteriaProblems(t: TFunction, language: Language, error: unknown, criteria: Criterion[][], criteriaPath?: string): CriteriaProblems {
  const problems: CriteriaProblems = { lines: new Map(), general: [] };
  if (!(error instanceof ApiError)) return problems;

  for (const problem of error.fields) {
    let field = problem.field;
    if (criteriaPath !== undefined) {
      if (field !== criteriaPath && !field.startsWith(`${criteriaPath}/`)) continue;
      field = `/criteria${field.slice(criteriaPath.length)}`;
    }
    const match = LINE_PATH.exec(field);
    if (match === null) {
      problems.general.push(generalMessage(t, language, problem.message));
      continue;
    }
    const position = `${match[1]}/${match[2]}`;
    if (problems.lines.has(position)) continue;
    const line = criteria[Number(match[1])]?.[Number(match[2])];
    problems.lines.set(position, lineMessage(t, language, match[3] ?? '', problem.message, line));
  }
  return problems;
}

function lineMessage(t: TFunction, language: Language, part: string, message: string, line: Criterion | undefined): string {
  if (part === '/field') return t('find.errors.field');
  if (part === '/operator') return t('find.errors.operator');
  if (!part.startsWith('/values')) return t('validation.invalid');

  // An event's subject comes first and is sent empty until chosen.
  if (part === '/values/0' && line?.values[0] === '') return t('find.errors.chooseSubject');
  // "takes exactly 1 value" names the missing input only together with the operator.
  if (/takes exactly 1 value/.test(message)) {
    if (line?.operator === 'lastNDays') return t('find.errors.daysMissing');
    return t('find.errors.valueMissing');
  }
  for (const [pattern, translate] of VALUE_MESSAGES) {
    const match = pattern.exec(message);
    if (match !== null) return translate(t, match, language);
  }
  return t('validation.invalid');
}

function generalMessage(t: TFunction, language: Language, message: string): string {
  const lines = /has (\d+) criterion lines; the maximum is (\d+)/.exec(message);
  if (lines !== null) return t('find.errors.tooManyLines', { max: formatNumber(Number(lines[2]), language) });
  const sets = /has (\d+) entries; the maximum is (\d+)/.exec(message);
  if (sets !== null) return t('find.errors.tooMany', { max: formatNumber(Number(sets[2]), language) });
  return t('find.errors.general');
}
