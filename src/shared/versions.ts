// Dotted version comparison without dependencies: active-rules.ts runs in the content script, where
// importing it from rule-update.ts would drag that file's zod schemas into every page's bundle.

/** Negative, zero or positive as `a` is older than, equal to or newer than `b` ("1.10.0" > "1.9.3"). */
export function compareVersions(a: string, b: string): number {
  const left = a
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number);
  const right = b
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
