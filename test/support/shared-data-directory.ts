import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Folder of the real CRM export files the import tests read: TRECHTER_SHARED_DATA, or else
 * shared/data beside the repository, where CI places a copy of it.
 */
export const sharedDataDirectory = process.env.TRECHTER_SHARED_DATA
  ? path.resolve(process.env.TRECHTER_SHARED_DATA)
  : path.resolve(repositoryRoot, '../shared/data');
