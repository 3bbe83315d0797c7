import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Path of a file in the shared import test data, which lives in ../shared/data next to the
 * repository (CI puts the repository beside a copy of that folder).
 */
export function sharedDataFile(relativePath: string): string {
  return path.resolve(repositoryRoot, '../shared/data', relativePath);
}

export function readSharedDataFile(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedDataFile(relativePath)));
}
