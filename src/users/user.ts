import type { Language, UserRole, UserRow } from '../db/schema.js';

export interface User {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  language: Language;
  availableForDistribution: boolean;
  active: boolean;
  version: number;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    language: row.language,
    availableForDistribution: row.available_for_distribution,
    active: row.active,
    version: row.version,
  };
}
