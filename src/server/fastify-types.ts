import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { UserRow } from '../db/schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** The current time for relative periods and days in status. */
    clock: () => Date;
  }
  interface FastifyRequest {
    /** The signed-in user; set for every route that is not public. */
    user: UserRow;
    actor: Actor;
    /** How the request was authenticated: a browser session cookie or a bearer API token. */
    authMethod: 'session' | 'token' | null;
    /** The session's CSRF token; empty for token-authenticated requests. */
    csrfToken: string;
  }
  interface FastifyContextConfig {
    /** Route needs no signed-in user. */
    public?: boolean;
    /** Route is for administrators only. */
    admin?: boolean;
  }
}

export {};
