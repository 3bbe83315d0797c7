import type { TFunction } from 'i18next';

import { isApiError } from '../api/client';
import { describeError } from '../ui/errors';

/**
 * Describes a failed change to a selection. Conflicts, missing selections and missing rights get
 * texts about selections; other errors get the general text of their code.
 */
export function describeSelectionError(t: TFunction, error: unknown): string {
  if (isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'VERSION_MISMATCH')) return t('selections.errors.conflict');
  if (isApiError(error, 'NOT_FOUND')) return t('selections.errors.notFound');
  if (isApiError(error, 'FORBIDDEN')) return t('selections.errors.forbidden');
  return describeError(t, error);
}

/** Tells whether an error means the selection changed since it was loaded. */
export function isConflict(error: unknown): boolean {
  return isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'VERSION_MISMATCH');
}
