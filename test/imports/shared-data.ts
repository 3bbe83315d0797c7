import { readFileSync } from 'node:fs';
import path from 'node:path';

import { sharedDataDirectory } from '../support/shared-data-directory.js';

/** Path of a file in the shared import test data (see sharedDataDirectory). */
export function sharedDataFile(relativePath: string): string {
  return path.resolve(sharedDataDirectory, relativePath);
}

export function readSharedDataFile(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedDataFile(relativePath)));
}
