import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ADMIN = { email: 'beheer@example.nl', password: 'een lang wachtwoord' };
const repoRoot = path.resolve(import.meta.dirname, '../..');

interface RunningServer {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `src/server/main.ts` on a free port and resolves once it prints its address. */
function startServer(dataDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      TRECHTER_DATA_DIR: dataDir,
      TRECHTER_ADMIN_EMAIL: ADMIN.email,
      TRECHTER_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with code ${code}:\n${output}`)));
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

describe('embedded server process', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'trechter-server-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps acknowledged writes after kill -9 and refuses a second server', async () => {
    const first = await startServer(dataDir);
    const session = await signIn(first.url);
    const created: number[] = [];
    for (let index = 0; index < 20; index++) {
      const response = await fetch(`${first.url}/api/companies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ name: `Bewaard ${index} BV` }),
      });
      expect(response.status).toBe(201);
      created.push(((await response.json()) as { id: number }).id);
    }

    const second = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', DATABASE_URL: '', TRECHTER_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let secondOutput = '';
    second.stderr.on('data', (chunk: Buffer) => (secondOutput += chunk.toString()));
    expect(await waitForExit(second)).toBe(1);
    expect(secondOutput).toContain('is in use by process');

    first.child.kill('SIGKILL');
    await waitForExit(first.child);

    const restarted = await startServer(dataDir);
    try {
      const again = await signIn(restarted.url);
      for (const id of created) {
        const response = await fetch(`${restarted.url}/api/companies/${id}`, { headers: { cookie: again.cookie } });
        expect(response.status).toBe(200);
      }
    } finally {
      restarted.child.kill('SIGTERM');
      await waitForExit(restarted.child);
    }
  }, 120_000);
});
