import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

import { systemActor } from '../../src/auth/actor.js';
import { readConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/users/user.service.js';
import { type EngineName, type TestDatabase, createTestDatabase } from './databases.js';

export const ADMIN_EMAIL = 'beheer@example.nl';
export const PASSWORD = 'correct horse battery';

export interface TestClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  raw(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  dispose(): Promise<void>;
  /** Creates a user (administrator by default) and returns a client signed in as that user. */
  signIn(options?: { email?: string; role?: 'administrator' | 'user'; language?: 'nl' | 'en' }): Promise<TestClient>;
}

/** Builds the app in-process on a fresh database; requests go through app.inject, no port. */
export async function createTestApp(engine: EngineName, options: { clock?: () => Date } = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const app = await buildApp({ db: database.db, config: readConfig({}), webRoot: '/nonexistent', ...options });
  let userCount = 0;

  return {
    app,
    database,
    dispose: async () => {
      await app.close();
      await database.dispose();
    },
    signIn: async (options = {}) => {
      userCount += 1;
      const email = options.email ?? (userCount === 1 ? ADMIN_EMAIL : `gebruiker${userCount}@example.nl`);
      await database.db.transaction().execute((trx) =>
        createUser(trx, systemActor('edit'), {
          name: `Gebruiker ${userCount}`,
          email,
          password: PASSWORD,
          role: options.role ?? 'administrator',
          language: options.language ?? 'nl',
        }),
      );
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.body}`);
      const cookie = login.cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
      const csrf = (login.json() as { csrfToken: string }).csrfToken;
      const headers = { cookie, 'x-csrf-token': csrf };

      return {
        get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
        post: (url, body, extra = {}) => app.inject({ method: 'POST', url, headers: { ...headers, ...extra }, ...(body === undefined ? {} : { payload: body as object }) }),
        patch: (url, body, extra = {}) => app.inject({ method: 'PATCH', url, headers: { ...headers, ...extra }, payload: body as object }),
        put: (url, body) => app.inject({ method: 'PUT', url, headers, payload: body as object }),
        delete: (url, extra = {}) => app.inject({ method: 'DELETE', url, headers: { ...headers, ...extra } }),
        raw: (options) => app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } }),
      };
    },
  };
}
