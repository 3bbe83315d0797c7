import { createHash, randomBytes } from 'node:crypto';

import type { Executor } from '../db/database.js';
import type { UserRow } from '../db/schema.js';

export const SESSION_COOKIE = 'trechter_session';
/** A session ends this long after its last renewal; active use renews it. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
const RENEW_AFTER_MS = 24 * 60 * 60 * 1000;
export const API_TOKEN_PREFIX = 'trt_';

/** Tokens are stored only as SHA-256 hashes, so a leaked database does not leak sign-ins. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Executor, userId: number, now = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.insertInto('sessions').values({ id: hashToken(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt }).execute();
  return { token, csrfToken, expiresAt };
}

export interface SessionLookup {
  user: UserRow;
  csrfToken: string;
  expiresAt: Date;
}

/** Finds the active user of an unexpired session and renews the session once a day of use. */
export async function findSession(db: Executor, token: string, now = new Date()): Promise<SessionLookup | null> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token', 's.expires_at'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.expires_at <= now || !row.active) return null;

  let expiresAt = row.expires_at;
  if (expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS - RENEW_AFTER_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
  }
  const { csrf_token: csrfToken, expires_at: _expiresAt, ...user } = row;
  return { user, csrfToken, expiresAt };
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

export async function deleteExpiredSessions(db: Executor, now = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function createApiToken(db: Executor, userId: number, name: string): Promise<{ id: number; token: string }> {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = await db.insertInto('api_tokens').values({ user_id: userId, name, token_hash: hashToken(token) }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function findApiTokenUser(db: Executor, token: string): Promise<UserRow | null> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select('t.id as token_id')
    .where('t.token_hash', '=', hashToken(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !row.active) return null;
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
  const { token_id: _tokenId, ...user } = row;
  return user;
}
