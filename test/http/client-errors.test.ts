import { request } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, createTestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';

/** Sends one GET over a real socket, so Node's HTTP parser sees the headers as they are. */
function rawGet(port: number, headers: Record<string, string>): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/api/health', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

// The engine does not matter here, but the app needs a database; one engine is enough.
describe.each(testEngines.slice(0, 1))('requests the HTTP parser rejects on %s', (engine) => {
  let testApp: TestApp;
  let port: number;

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    port = (testApp.app.server.address() as AddressInfo).port;
  });
  afterAll(() => testApp.dispose());

  it('answers oversized headers with a 431 problem', async () => {
    const response = await rawGet(port, { 'X-Padding': 'a'.repeat(20_000) });

    expect(response.status).toBe(431);
    expect(response.type).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(response.body) as { status: number; code: string; detail: string };
    expect(problem.status).toBe(431);
    expect(problem.code).toBe('MALFORMED_REQUEST');
    expect(problem.detail).toContain('headers');
  });

  it('still serves requests with normal headers', async () => {
    const response = await rawGet(port, { 'X-Padding': 'a'.repeat(100) });

    expect(response.status).toBe(200);
  });
});
