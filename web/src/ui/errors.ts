import type { TFunction } from 'i18next';

import { ApiError, NETWORK_ERROR } from '../api/client';

/** Problem codes that have their own text under `errors.` in the translation files. */
const TRANSLATED_CODES = new Set([
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'NOT_FOUND',
  'NAME_TAKEN',
  'EMAIL_TAKEN',
  'VERSION_CONFLICT',
  'VERSION_MISMATCH',
  'VERSION_REQUIRED',
  'DEFAULT_LEAD_STATUS_PROTECTED',
  'LEAD_STATUS_NOT_ENABLED',
  'LEAD_STATUS_NOT_ALLOWED_FOR_GROUP',
  'ITEM_DELETED',
  'REFERENCE_NOT_FOUND',
  'AUTOMATION_RULE_INCOMPLETE',
  'PERSON_NOT_IN_COMPANY',
  'RATE_LIMITED',
  'INTERNAL',
  NETWORK_ERROR,
]);

/** Describes any error in the user's language: what happened and what to do next. */
export function describeError(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const key = TRANSLATED_CODES.has(code) ? code : 'UNKNOWN';
  return t(`errors.${key}` as 'errors.UNKNOWN');
}
