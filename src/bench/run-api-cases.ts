import type { FastifyInstance } from 'fastify';

import { systemActor } from '../auth/actor.js';
import { readConfig } from '../config.js';
import { buildApp } from '../server/app.js';
import { createUser } from '../users/user.service.js';
import type { ApiCase, BenchRequest } from './api-cases.js';
import type { BenchDatabase } from './bench-database.js';
import { type Summary, summarize, timeOnce } from './measure.js';
import { replay } from './statement-recorder.js';

export interface ApiCaseResult {
  name: string;
  budgetMs: number | undefined;
  api: Summary;
  http: Summary;
  sql: Summary;
}

const BENCH_EMAIL = 'bench@trechter.example';
const BENCH_PASSWORD = 'bench password for loopback only';
const WARMUP_RUNS = 3;

/**
 * Measures each case three ways: through the app in-process (Fastify's inject, no socket), over
 * HTTP to the same app listening on 127.0.0.1, and as the SQL statements that the request ran,
 * sent directly. The three take turns run by run, so that a busy moment of the machine hits all alike.
 */
export async function runApiCases(database: BenchDatabase, cases: readonly ApiCase[], runs: number): Promise<ApiCaseResult[]> {
  const app = await buildApp({ db: database.db, config: readConfig({}), webRoot: '/nonexistent' });
  try {
    const headers = await signIn(database, app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address !== 'object') throw new Error('the benchmark server has no port');
    const baseUrl = `http://127.0.0.1:${address.port}`;

    const results: ApiCaseResult[] = [];
    for (const benchCase of cases) {
      process.stderr.write(`  ${benchCase.name}\n`);
      results.push(await runCase(database, app, baseUrl, headers, benchCase, runs));
    }
    return results;
  } finally {
    await app.close();
  }
}

async function runCase(
  database: BenchDatabase,
  app: FastifyInstance,
  baseUrl: string,
  headers: Record<string, string>,
  benchCase: ApiCase,
  runs: number,
): Promise<ApiCaseResult> {
  const inject = async (requests: BenchRequest | BenchRequest[]) => {
    for (const request of [requests].flat()) {
      const response = await app.inject({ method: request.method, url: request.url, headers, ...(request.body ? { payload: request.body } : {}) });
      if (response.statusCode >= 300) throw new Error(`${request.method} ${request.url} returned ${response.statusCode}: ${response.body}`);
    }
  };
  const overHttp = async (requests: BenchRequest | BenchRequest[]) => {
    for (const request of [requests].flat()) {
      const response = await fetch(`${baseUrl}${request.url}`, {
        method: request.method,
        headers: { ...headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
        ...(request.body ? { body: JSON.stringify(request.body) } : {}),
      });
      const body = await response.text();
      if (response.status >= 300) throw new Error(`${request.method} ${request.url} returned ${response.status} over HTTP: ${body}`);
    }
  };

  for (let run = 0; run < WARMUP_RUNS; run++) {
    await inject(await benchCase.prepare());
    await overHttp(await benchCase.prepare());
  }
  const firstRequest = await benchCase.prepare();
  const recorded = await database.recorder.record(benchCase.replay, () => inject(firstRequest));
  if (recorded.groups.length === 0) throw new Error(`${benchCase.name}: the request ran no SQL`);
  for (let run = 0; run < WARMUP_RUNS; run++) {
    await benchCase.prepare();
    await replay(database.db, recorded);
  }

  const api: number[] = [];
  const http: number[] = [];
  const direct: number[] = [];
  for (let run = 0; run < runs; run++) {
    const apiRequest = await benchCase.prepare();
    api.push(await timeOnce(() => inject(apiRequest)));
    const httpRequest = await benchCase.prepare();
    http.push(await timeOnce(() => overHttp(httpRequest)));
    await benchCase.prepare();
    direct.push(await timeOnce(() => replay(database.db, recorded)));
  }
  return {
    name: benchCase.name,
    budgetMs: benchCase.budgetMs,
    api: summarize(api),
    http: summarize(http),
    sql: summarize(direct),
  };
}

/** Creates an administrator and signs in as the web app does; returns the session cookie and CSRF headers. */
async function signIn(database: BenchDatabase, app: FastifyInstance): Promise<Record<string, string>> {
  await database.db.transaction().execute((trx) =>
    createUser(trx, systemActor('edit'), { name: 'Benchmark', email: BENCH_EMAIL, password: BENCH_PASSWORD, role: 'administrator' }),
  );
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: BENCH_EMAIL, password: BENCH_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`signing in for the benchmark failed: ${login.body}`);
  const cookie = login.cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
  const { csrfToken } = login.json() as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
