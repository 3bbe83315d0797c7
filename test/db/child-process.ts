import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A TypeScript script running in its own Node process, with its stdout collected by line. */
export interface ScriptProcess {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line, already printed or still to come, that matches. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves once the process has ended and its output has been read. */
  waitForExit(): Promise<void>;
  /** Sends SIGKILL and resolves once the process has ended. */
  kill(): Promise<void>;
}

/** Starts `node --import tsx SCRIPT ARGS` from the repository root. */
export function startScript(scriptPath: string, args: string[]): ScriptProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', scriptPath, ...args], {
    cwd: repositoryRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  const lines: string[] = [];
  const waiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void }> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.match(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });

  // 'close' comes after the last stdout line, unlike 'exit'.
  const exited = once(child, 'close');

  return {
    child,
    lines,
    waitForLine(match, timeoutMs = 20_000) {
      const printed = lines.find(match);
      if (printed !== undefined) return Promise.resolve(printed);

      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(`${path.basename(scriptPath)} printed no expected line within ${timeoutMs} ms; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`),
          );
        }, timeoutMs);
        const waiter = {
          match,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        waiters.push(waiter);
        void exited.then(() => {
          if (!waiters.includes(waiter)) return;
          clearTimeout(timer);
          reject(new Error(`${path.basename(scriptPath)} exited with code ${child.exitCode} before the expected line; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`));
        });
      });
    },
    async waitForExit() {
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
