import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { defineConfig } from 'vitest/config';

import { sharedDataDirectory } from './test/support/shared-data-directory.js';

// The import tests read real CRM export files kept outside the repository. Without them those
// test files cannot run; scripts/test.mjs reports them as skipped, and fails in CI.
const importTestFolder = 'test/imports';
const testsNeedingSharedData = existsSync(sharedDataDirectory)
  ? []
  : readdirSync(importTestFolder)
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => path.join(importTestFolder, name))
      .filter((file) => readFileSync(file, 'utf8').includes('shared-data'));

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...testsNeedingSharedData],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
