import { AppError } from './app-error.js';

/**
 * Rejects an update that was based on an older version of the record, so that no concurrent edit
 * is silently overwritten. The caller holds a row lock while it checks.
 */
export function assertCurrentVersion(entity: string, id: number, currentVersion: number, expectedVersion: number): void {
  if (currentVersion !== expectedVersion) {
    throw new AppError(
      'VERSION_CONFLICT',
      `${entity} ${id} was changed by someone else (now version ${currentVersion}, your change was based on version ${expectedVersion}); reload it and apply your change again`,
    );
  }
}
