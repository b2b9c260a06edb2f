// One rule term ("gaji+ tinggi*", "lương cao", "包机票") → its normalised words and match modes. Its own module
// so the every-page bundle's term expander (src/shared/compact-rules.ts) can parse terms without loading the
// rule compiler.

import type { WordMode } from './bundle';
import type { RuleErrorCode } from './compile';
import { normalize } from './normalize';
import { tokenizeNormalized } from './tokenize';

export interface ParsedTerm {
  words: string[];
  modes: WordMode[];
}

/** Parses one term (no vocab refs) into normalised words. Returns an error message string on failure. */
export function parseTerm(raw: string): ParsedTerm | { error: RuleErrorCode; message: string } {
  const pieces = raw
    .trim()
    .split(/\s+/)
    .filter((p) => p.length > 0);
  const words: string[] = [];
  const modes: WordMode[] = [];
  for (const piece of pieces) {
    let body = piece;
    let mode: WordMode = 0;
    if (body.length > 1 && body.endsWith('+')) {
      mode = 1;
      body = body.slice(0, -1);
    } else if (body.length > 1 && body.endsWith('*')) {
      mode = 2;
      body = body.slice(0, -1);
    }
    if (/[*+]/.test(body)) {
      return { error: 'RULE_E_BAD_TERM', message: `"${raw}": '*' and '+' may only end a word` };
    }
    const toks = tokenizeNormalized(normalize(body).text);
    if (toks.length === 0) continue;
    for (let k = 0; k < toks.length; k++) {
      words.push(toks[k]);
      modes.push(k === toks.length - 1 ? mode : 0);
    }
    if (mode === 2 && toks[toks.length - 1].length < 3) {
      return { error: 'RULE_E_BAD_TERM', message: `"${raw}": a prefix term needs at least 3 letters` };
    }
  }
  if (words.length === 0) return { error: 'RULE_E_EMPTY_TERM', message: `"${raw}" has no letters or digits` };
  return { words, modes };
}
