import type { TFunction } from 'i18next';

import { ApiError } from '../api/client';

/** Translation keys for the English field messages the API sends. */
const KNOWN_MESSAGES: Array<[RegExp, string]> = [
  [/^required$/i, 'validation.required'],
  [/^unknown (company|category|user|lead status)/i, 'validation.unknownReference'],
  [/^inactive user$/i, 'validation.inactiveUser'],
  [/deleted/i, 'validation.deletedItem'],
  [/format ['"]?email/i, 'validation.email'],
  [/length (less|<)/i, 'validation.tooLong'],
  [/length (greater|>)/i, 'validation.required'],
];

/**
 * Maps the API's field problems onto form fields, in the user's language. The API names a field as
 * a JSON pointer ("/lastName") and describes the problem in English or with a `code`. A problem
 * that matches no known message gets a general message, so no English text lands in a Dutch form.
 */
export function fieldErrorsFromProblem(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const problem of error.fields) {
    const field = problem.field.replace(/^\//, '').split('/')[0] ?? '';
    if (field === '' || errors[field] !== undefined) continue;
    errors[field] = translateFieldProblem(t, error.code, problem.code, problem.message);
  }
  return errors;
}

function translateFieldProblem(t: TFunction, errorCode: string, problemCode: string | undefined, message: string): string {
  if (problemCode !== undefined && problemCode !== 'invalid') {
    const key = `validation.${problemCode}`;
    const translated = t(key as 'validation.invalid', { defaultValue: '' });
    if (translated !== '') return translated;
  }
  if (errorCode === 'LEAD_STATUS_NOT_ENABLED') return t('errors.LEAD_STATUS_NOT_ENABLED');
  if (errorCode === 'ITEM_DELETED') return t('validation.deletedItem');
  if (errorCode === 'EMAIL_TAKEN') return t('errors.EMAIL_TAKEN');
  if (errorCode === 'NAME_TAKEN') return t('errors.NAME_TAKEN');
  for (const [pattern, key] of KNOWN_MESSAGES) {
    if (pattern.test(message)) return t(key as 'validation.invalid');
  }
  return t('validation.invalid');
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}
