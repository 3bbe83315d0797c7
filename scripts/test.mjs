// Runs every test: unit and database tests on the embedded engine and, when a PostgreSQL server
// answers, on that server too. In CI (CI=true) a missing server or browser fails the run instead
// of being skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import pg from 'pg';

const inCi = process.env.CI === 'true';
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const engines = ['pglite'];
const skipped = [];

async function serverAnswers() {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    console.error(`PostgreSQL server at ${serverUrl} did not answer: ${error.message}`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

if (await serverAnswers()) {
  engines.push('postgres');
} else if (inCi) {
  console.error('CI=true and no PostgreSQL server: the database tests must run on both engines.');
  process.exit(1);
} else {
  skipped.push(`database tests on PostgreSQL (no server at ${serverUrl}; set TEST_DATABASE_URL)`);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const sharedData = process.env.TRECHTER_SHARED_DATA ?? '../shared/data';
if (!existsSync(sharedData)) {
  if (inCi) {
    console.error(`CI=true and no import test data at ${sharedData}: the import tests cannot be skipped.`);
    process.exit(1);
  }
  skipped.push(`import tests that read real CRM exports (no folder ${sharedData}; set TRECHTER_SHARED_DATA)`);
}

let status = run('npx', ['vitest', 'run', ...process.argv.slice(2)], { TRECHTER_TEST_ENGINES: engines.join(',') });

const browserPath = process.env.TRECHTER_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync('playwright.config.ts')) {
  if (existsSync(browserPath)) {
    status = run('npx', ['playwright', 'test']) || status;
  } else if (inCi) {
    console.error(`CI=true and no Chromium at ${browserPath}: the browser tests cannot be skipped.`);
    status = 1;
  } else {
    skipped.push(`browser tests (no Chromium at ${browserPath}; apt-get install -y chromium)`);
  }
}

if (skipped.length > 0) {
  console.error('\n==================== SKIPPED ====================');
  for (const line of skipped) console.error(`  - ${line}`);
  console.error('=================================================\n');
}
process.exit(status);
