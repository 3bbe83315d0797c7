import type { FastifyRequest } from 'fastify';

import { AppError } from '../errors/app-error.js';

/**
 * Reads the version an update was based on: the If-Match header (an ETag like `"3"`) or a
 * `version` field. Without either the update is refused, because it could overwrite a change the
 * client never saw.
 */
export function expectedVersionOf(request: FastifyRequest, bodyVersion: number | undefined): { version: number; fromHeader: boolean } {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const match = /^(?:W\/)?"?(\d{1,10})"?$/.exec(header.trim());
    if (!match) throw new AppError('VALIDATION_FAILED', `If-Match must be an ETag such as "3", got ${header}`, [{ field: 'If-Match', message: 'invalid ETag', code: 'invalid' }]);
    const version = Number(match[1]);
    if (bodyVersion !== undefined && bodyVersion !== version) {
      throw new AppError('VALIDATION_FAILED', `If-Match names version ${version} but the version field says ${bodyVersion}; send one of them`, [
        { field: '/version', message: 'differs from If-Match', code: 'invalid' },
      ]);
    }
    return { version, fromHeader: true };
  }
  if (bodyVersion !== undefined) return { version: bodyVersion, fromHeader: false };
  throw new AppError('VERSION_REQUIRED', 'send the version your change is based on, as If-Match header or version field', [
    { field: '/version', message: 'required', code: 'required' },
  ]);
}

/** Runs an update; a stale If-Match becomes 412 Precondition Failed, a stale body version stays 409. */
export async function withVersionCheck<T>(fromHeader: boolean, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (fromHeader && error instanceof AppError && error.code === 'VERSION_CONFLICT') {
      throw new AppError('VERSION_MISMATCH', error.message);
    }
    throw error;
  }
}
