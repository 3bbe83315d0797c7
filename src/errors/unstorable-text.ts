// PostgreSQL text cannot hold U+0000, and a lone surrogate is not valid UTF-8, so either would
// fail deep inside the database instead of as a clear input error.
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Returns the JSON pointer of the first string (value or key) that cannot be stored, or null. */
export function findUnstorableText(value: unknown, pointer: string): string | null {
  if (typeof value === 'string') return UNSTORABLE_TEXT.test(value) ? pointer : null;
  if (value === null || typeof value !== 'object') return null;

  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${key}`;
    if (UNSTORABLE_TEXT.test(key)) return childPointer;
    const found = findUnstorableText(child, childPointer);
    if (found !== null) return found;
  }
  return null;
}
