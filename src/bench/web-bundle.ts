import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJavaScript {
  files: string[];
  /** Bytes after gzip at zlib's default level 6, summed over the files. */
  gzipBytes: number;
}

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * Measures the JavaScript a browser loads before the web app starts: the module scripts and
 * module preloads of index.html and every chunk they import statically, not the chunks loaded
 * later by dynamic import(). Returns null when the web app is not built.
 */
export async function measureInitialJavaScript(webRoot: string): Promise<InitialJavaScript | null> {
  const html = await readFile(path.join(webRoot, 'index.html'), 'utf8').catch(() => null);
  if (html === null) return null;

  const pending = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((match) => match[1] as string);
  const seen = new Set<string>();
  let gzipBytes = 0;
  while (pending.length > 0) {
    const url = pending.pop() as string;
    const file = path.join(webRoot, url.replace(/^\//, ''));
    if (seen.has(file)) continue;
    seen.add(file);

    const content = await readFile(file);
    gzipBytes += gzipSync(content).length;
    for (const match of content.toString('utf8').matchAll(STATIC_IMPORT)) {
      pending.push(path.posix.join(path.posix.dirname(url), match[1] as string));
    }
  }
  return { files: [...seen].map((file) => path.relative(webRoot, file)).sort(), gzipBytes };
}
