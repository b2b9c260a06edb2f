// Indonesian affixation for `word+` terms. Expansion happens once in createEngine (the bundle keeps the root),
// so matching a post stays a single hash lookup per word.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Surface forms of meN- / peN- (base "me" or "pe") on a root, including the unassimilated loanword forms. */
function nasal(base: string, root: string): string[] {
  const f = root[0];
  const rest = root.slice(1);
  const out: string[] = [];
  if (VOWELS.has(f)) out.push(`${base}ng${root}`);
  else if (f === 'k') out.push(`${base}ng${rest}`, `${base}ng${root}`);
  else if (f === 'g' || f === 'h') out.push(`${base}ng${root}`);
  else if (f === 'p') out.push(`${base}m${rest}`, `${base}m${root}`);
  else if (f === 'b' || f === 'f' || f === 'v') out.push(`${base}m${root}`);
  else if (f === 't') out.push(`${base}n${rest}`, `${base}n${root}`);
  else if (f === 'd' || f === 'c' || f === 'j' || f === 'z') out.push(`${base}n${root}`);
  else if (f === 's') out.push(`${base}ny${rest}`, `${base}n${root}`);
  else out.push(`${base}${root}`);
  // monosyllabic roots: mengecek, pengecekan
  if (root.length <= 4) out.push(`${base}nge${root}`);
  return out;
}

const PLAIN_PREFIXES = ['', 'di', 'ter', 'ber', 'ke', 'se', 'per', 'diper', 'memper', 'ku', 'kau'];
const SUFFIXES = ['', 'kan', 'an', 'i'];

/** All affixed forms of an Indonesian root (the root itself included). */
export function expandAffixes(root: string): string[] {
  const stems: string[] = [];
  for (const p of PLAIN_PREFIXES) stems.push(p === 'ber' && root[0] === 'r' ? `be${root}` : p + root);
  stems.push(...nasal('me', root), ...nasal('pe', root));
  const out = new Set<string>();
  for (const s of stems) for (const suf of SUFFIXES) out.add(s + suf);
  return [...out];
}

/** Indonesian enclitics tolerated on the last word of a term. */
export const CLITICS = ['nya', 'lah', 'pun', 'kah'];
