import type { Language, LeadStatusChangeSource, UserRole } from '../db/schema.js';

/** Who performs a change and through which path: every service call takes one. */
export interface Actor {
  userId: number | null;
  language: Language;
  role: UserRole;
  source: LeadStatusChangeSource;
}

/** The actor for work the system does on its own behalf, such as migrations and the import CLI. */
export function systemActor(source: LeadStatusChangeSource, language: Language = 'nl'): Actor {
  return { userId: null, language, role: 'administrator', source };
}
