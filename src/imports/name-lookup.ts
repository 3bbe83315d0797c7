import { nameKey } from './values.js';

/** A category or lead status as the import matches file values against it. */
export interface ImportListItem {
  id: number;
  nameNl: string | null;
  nameEn: string | null;
  deleted: boolean;
}

export interface ImportCategory extends ImportListItem {
  leadStatusEnabled: boolean;
}

/** An owner candidate: users are matched by name or email. */
export interface ImportUser {
  id: number;
  name: string;
  email: string;
  active: boolean;
}

/**
 * Finds list items by name in either language, case-insensitively. A name with a part in brackets,
 * such as "Marketinggekwalificeerde lead (MQL)", is also found by "MQL" and by
 * "Marketinggekwalificeerde lead", unless that shorter form fits more than one item. A full name
 * always wins over a shorter form.
 */
export class ListLookup<T extends ImportListItem> {
  private readonly fullNames = new Map<string, T>();
  private readonly shortForms = new Map<string, T | 'ambiguous'>();

  constructor(readonly items: readonly T[]) {
    for (const item of items) {
      for (const name of [item.nameNl, item.nameEn]) {
        if (name === null) continue;
        this.fullNames.set(nameKey(name), item);
        for (const shortForm of shortFormsOf(name)) this.addShortForm(shortForm, item);
      }
    }
  }

  private addShortForm(shortForm: string, item: T): void {
    const key = nameKey(shortForm);
    const existing = this.shortForms.get(key);
    this.shortForms.set(key, existing === undefined || existing === item ? item : 'ambiguous');
  }

  find(value: string): T | undefined {
    const key = nameKey(value);
    const byFullName = this.fullNames.get(key);
    if (byFullName !== undefined) return byFullName;
    const byShortForm = this.shortForms.get(key);
    return byShortForm === 'ambiguous' ? undefined : byShortForm;
  }

  /** Names of the items that can be chosen, for error messages. */
  selectableNames(): string[] {
    return this.items.filter((item) => !item.deleted).map(displayName);
  }
}

function shortFormsOf(name: string): string[] {
  const match = /^(.+?)\s*\(([^()]+)\)$/.exec(name.trim());
  return match?.[1] !== undefined && match[2] !== undefined ? [match[1], match[2]] : [];
}

/** Formats an item's name for messages, in both languages when they differ: "Contact opnemen / Contacting". */
export function displayName(item: ImportListItem): string {
  const names = [item.nameNl, item.nameEn].filter((name): name is string => name !== null);
  return [...new Set(names)].join(' / ');
}

/** Result of looking up an owner cell. */
export type OwnerMatch =
  | { kind: 'found'; user: ImportUser }
  | { kind: 'notFound' }
  | { kind: 'inactive'; user: ImportUser }
  | { kind: 'ambiguous'; count: number };

/** Finds users by name or email, case-insensitively. */
export class UserLookup {
  private readonly byKey = new Map<string, ImportUser[]>();

  constructor(users: readonly ImportUser[]) {
    for (const user of users) {
      for (const key of new Set([nameKey(user.name), nameKey(user.email)])) {
        const list = this.byKey.get(key) ?? [];
        list.push(user);
        this.byKey.set(key, list);
      }
    }
  }

  find(value: string): OwnerMatch {
    const candidates = this.byKey.get(nameKey(value)) ?? [];
    const active = candidates.filter((user) => user.active);
    if (active.length === 1 && active[0] !== undefined) return { kind: 'found', user: active[0] };
    if (active.length > 1) return { kind: 'ambiguous', count: active.length };
    if (candidates[0] !== undefined) return { kind: 'inactive', user: candidates[0] };
    return { kind: 'notFound' };
  }
}
