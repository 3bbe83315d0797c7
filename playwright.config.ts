import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { defineConfig } from '@playwright/test';

import { ADMIN_EMAIL, ADMIN_PASSWORD } from './e2e/support/accounts';

/** Asks the operating system for a free TCP port on the loopback interface. */
function findFreePort(): number {
  const script =
    "const server = require('node:net').createServer();" +
    "server.listen(0, '127.0.0.1', () => { process.stdout.write(String(server.address().port)); server.close(); });";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

// The runner evaluates this file, and every worker evaluates it again. The first evaluation picks
// the port and the database folder. Workers inherit both through the environment, so they all
// use the one server started below.
process.env.TRECHTER_E2E_PORT ??= String(findFreePort());
process.env.TRECHTER_E2E_DATA_DIR ??= path.join(mkdtempSync(path.join(os.tmpdir(), 'trechter-e2e-')), 'data');
// A second server serves demo data, for the tests that look at screens as a new user sees them.
process.env.TRECHTER_E2E_DEMO_PORT ??= String(findFreePort());
process.env.TRECHTER_E2E_DEMO_DATA_DIR ??= path.join(mkdtempSync(path.join(os.tmpdir(), 'trechter-e2e-demo-')), 'data');

const port = process.env.TRECHTER_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const demoPort = process.env.TRECHTER_E2E_DEMO_PORT;
const demoURL = `http://127.0.0.1:${demoPort}`;
/** Tests that run against the server with demo data. */
const DEMO_TESTS = /demo-data\.spec\.ts$/;
const serverEnv = {
  HOST: '127.0.0.1',
  DATABASE_URL: '',
  TRECHTER_ADMIN_EMAIL: ADMIN_EMAIL,
  TRECHTER_ADMIN_PASSWORD: ADMIN_PASSWORD,
  TRECHTER_LANGUAGE: 'nl',
  LOG_LEVEL: 'warn',
};
const chromium = process.env.TRECHTER_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/artifacts',
  // One worker: the tests share one administrator account, whose language some tests switch.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI === 'true',
  retries: process.env.CI === 'true' ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI === 'true' ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: DEMO_TESTS, use: { browserName: 'chromium', headless: true } },
    { name: 'demo data', testMatch: DEMO_TESTS, use: { browserName: 'chromium', headless: true, baseURL: demoURL } },
  ],
  webServer: [
    {
      // Builds the server and the web app, then starts them on an empty embedded database.
      command: 'npm run build && node dist/server/main.js',
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ...serverEnv, PORT: port, TRECHTER_DATA_DIR: process.env.TRECHTER_E2E_DATA_DIR },
    },
    {
      // Waits for that build, fills another embedded database with demo data and serves it.
      command: 'node scripts/e2e-demo-server.mjs',
      url: `${demoURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ...serverEnv, PORT: demoPort, TRECHTER_DATA_DIR: process.env.TRECHTER_E2E_DEMO_DATA_DIR, TRECHTER_E2E_MAIN_URL: baseURL },
    },
  ],
});
