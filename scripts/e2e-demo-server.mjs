// Starts a second Trechter for the browser tests that need demo data: it waits until the main
// test server responds (so the build it runs is finished), fills an empty embedded database with
// demo data, then serves that database. Signals to stop are passed on to the server.
import { spawn, spawnSync } from 'node:child_process';

const mainUrl = process.env.TRECHTER_E2E_MAIN_URL;
const deadline = Date.now() + 240_000;

async function waitForMainServer() {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${mainUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet: the build is still running.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the main test server at ${mainUrl} did not respond within 240 s; check its build output`);
}

await waitForMainServer();
const seeded = spawnSync(process.execPath, ['dist/demo/cli.js', '--persons', '2000', '--seed', '4242'], { stdio: 'inherit' });
if (seeded.status !== 0) {
  console.error('filling the demo database failed');
  process.exit(seeded.status ?? 1);
}

const server = spawn(process.execPath, ['dist/server/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
