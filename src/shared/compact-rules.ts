// The every-page rule bundle in compact form (written by `rules build`, see compactBundle in
// src/tooling/build.ts): most terms are their own source text, so `"gaji+ tinggi*"` stands for
// { source, words, modes } at a fraction of the gzipped size, and rule messages (only the dialog shows
// them) ship separately. Pure code: the build tooling imports it too.
import type { CompiledRule, CompiledTerm, LocalizedText, RuleBundle, WordMode } from '../engine/bundle';
import { parseTerm } from '../engine/term';

/** A term as text (words separated by one space, `+`/`*` ending a word sets its mode), or the full object. */
export type CompactTerm = string | CompiledTerm;

export type ContentRule = Omit<CompiledRule, 'message'>;

export interface ContentBundle extends Omit<RuleBundle, 'terms' | 'rules' | 'families'> {
  terms: CompactTerm[];
  rules: ContentRule[];
  /** Family → cap: the engine reads only the cap; descriptions are for rule authors and the CLI. */
  families: Record<string, number>;
}

/** Index = WordMode. */
export const TERM_MODE_SUFFIX = ['', '+', '*'] as const;

/** Already-normalised words, one space apart: split without running the normaliser. */
const PLAIN_WORDS = /^[a-z0-9]+[+*]?(?: [a-z0-9]+[+*]?)*$/;

export function expandTerm(term: CompactTerm): CompiledTerm {
  if (typeof term !== 'string') return term;
  // Vietnamese, Thai and Chinese terms are stored as written ("lương cao", "包机票") and parsed the way the rule
  // compiler parsed them; the build checks that this gives back the compiled term (compactTerm).
  if (!PLAIN_WORDS.test(term)) {
    const parsed = parseTerm(term);
    if ('words' in parsed) return { source: term, words: parsed.words, modes: parsed.modes };
  }
  const words: string[] = [];
  const modes: WordMode[] = [];
  for (const part of term.split(' ')) {
    const last = part[part.length - 1];
    const mode: WordMode = last === '+' ? 1 : last === '*' ? 2 : 0;
    words.push(mode ? part.slice(0, -1) : part);
    modes.push(mode);
  }
  return { source: term, words, modes };
}

/** Empty messages: the dialog fills them in by rule id (src/ui/warning/dialog-entry.tsx). */
const NO_MESSAGE: LocalizedText = { en: '', id: '' };
const NO_DESCRIPTION: LocalizedText = { en: '', id: '' };

export function expandBundle(bundle: ContentBundle): RuleBundle {
  return {
    ...bundle,
    families: Object.fromEntries(Object.entries(bundle.families).map(([id, cap]) => [id, { cap, description: NO_DESCRIPTION }])),
    terms: bundle.terms.map(expandTerm),
    rules: bundle.rules.map((rule) => ({ ...rule, message: NO_MESSAGE })),
  };
}
