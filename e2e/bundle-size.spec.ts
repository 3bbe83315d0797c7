import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { expect, test } from '@playwright/test';

/** Maximum JavaScript, gzipped, that the browser loads before the first screen shows. */
const INITIAL_JS_BUDGET_BYTES = 350 * 1024;

test('initial JavaScript stays within budget', () => {
  // The web server of this test run built dist/web before any test started.
  const webRoot = path.join('dist', 'web');
  const html = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  expect(scripts.length).toBeGreaterThan(0);

  const sizes = scripts.map((src) => gzipSync(readFileSync(path.join(webRoot, src))).length);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  test.info().annotations.push({ type: 'initial JavaScript (gzip)', description: `${(total / 1024).toFixed(1)} kB in ${scripts.length} files` });
  expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
});
