import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { test as base, expect, request as playwrightRequest, type Page } from '@playwright/test';

import { ADMIN_EMAIL, ADMIN_PASSWORD } from './accounts';
import { TrechterApi } from './api';

interface WorkerSession {
  storageStatePath: string;
  csrfToken: string;
}

/** Lists whose layout tests change. Each test starts with their default layouts. */
const LIST_LAYOUT_KEYS = ['list:persons', 'list:companies', 'list:company-persons'];

export const test = base.extend<{ api: TrechterApi; cleanSlate: void }, { session: WorkerSession }>({
  // Signs in once per worker through the API and keeps the session cookie for the browser.
  session: [
    async ({}, use, workerInfo) => {
      const folder = path.join(workerInfo.project.outputDir, '.sessions');
      mkdirSync(folder, { recursive: true });
      const storageStatePath = path.join(folder, `worker-${workerInfo.workerIndex}.json`);
      const context = await playwrightRequest.newContext({ baseURL: workerInfo.project.use.baseURL });
      const response = await context.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
      expect(response.ok(), `sign-in of ${ADMIN_EMAIL} failed: ${await response.text()}`).toBe(true);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      await context.storageState({ path: storageStatePath });
      await context.dispose();
      await use({ storageStatePath, csrfToken });
    },
    { scope: 'worker' },
  ],

  storageState: async ({ session }, use) => {
    await use(session.storageStatePath);
  },

  api: async ({ session, baseURL }, use) => {
    const context = await playwrightRequest.newContext({ baseURL, storageState: session.storageStatePath });
    await use(new TrechterApi(context, session.csrfToken));
    await context.dispose();
  },

  // Runs for every test, including tests that never call the API: Dutch and the default list layouts.
  cleanSlate: [
    async ({ api }, use) => {
      await api.setLanguage('nl');
      for (const key of LIST_LAYOUT_KEYS) await api.resetListLayout(key);
      await use();
      await api.setLanguage('nl');
    },
    { auto: true },
  ],
});

export { expect };

/** Where the screenshots of the main screens go on every run, for people to look at. */
export const SCREENSHOT_FOLDER = path.join('test-results', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_FOLDER, `${name}.png`), fullPage: false });
}

/** Returns a name that no other test in the run uses, so a test finds its own records in shared lists. */
export function uniqueName(base: string): string {
  return `${base} ${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
}
