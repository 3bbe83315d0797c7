import type { Criterion, GroupCounts, GroupKey } from '../api/types';

/** One group of a grouped list; groups below the last level hold the rows. */
export interface GroupNode {
  /** Keys from the top level down to this group. */
  path: GroupKey[];
  count: number;
  children: GroupNode[];
}

/**
 * Turns the API's flat group counts (one entry per combination of values) into a tree with one
 * level per grouped column. Counts of a parent are the sums of its children. Groups keep the order
 * in which the API returns them, which follows list order.
 */
export function buildGroupTree(groups: GroupCounts['groups']): GroupNode[] {
  const root: GroupNode = { path: [], count: 0, children: [] };
  for (const group of groups) {
    let parent = root;
    parent.count += group.count;
    for (const key of group.keys) {
      let child = parent.children.find((node) => sameKey(node.path[node.path.length - 1], key));
      if (child === undefined) {
        child = { path: [...parent.path, key], count: 0, children: [] };
        parent.children.push(child);
      }
      child.count += group.count;
      parent = child;
    }
  }
  return root.children;
}

function sameKey(a: GroupKey | undefined, b: GroupKey): boolean {
  return a !== undefined && a.field === b.field && a.value === b.value;
}

/** Builds the extra criteria lines that select exactly the rows of a group. */
export function groupCriteria(path: GroupKey[]): Criterion[] {
  return path.map((key) =>
    key.value === null
      ? { field: key.field, operator: 'isEmpty', values: [] }
      : { field: key.field, operator: 'isOneOf', values: [key.value] },
  );
}

/** Builds a stable id of a group for React keys and the set of expanded groups. */
export function groupId(path: GroupKey[]): string {
  return path.map((key) => `${key.field}=${String(key.value)}`).join('/');
}
