// The compiled rule bundle: plain JSON, produced by compileRuleSet (CLI / build) and loaded by createEngine
// (background script). Terms are parsed and de-duplicated; vocab references are already expanded.

import type { RiskThresholds } from './types';

/** Bumped when the bundle layout changes; createEngine refuses bundles of another major version. */
export const ENGINE_VERSION = '1.0.0';

export interface LocalizedText {
  en: string;
  id: string;
  [lang: string]: string | undefined;
}

/** One word of a term: 0 = exact (clitics tolerated when last), 1 = `word+` Indonesian affixes, 2 = `word*` prefix. */
export type WordMode = 0 | 1 | 2;

export interface CompiledTerm {
  /** The term as written (after vocab expansion), for explanations. */
  source: string;
  /** Normalised words. */
  words: string[];
  modes: WordMode[];
}

export type CompiledPattern =
  | { t: 'terms'; terms: number[] }
  | { t: 'near'; a: number[]; b: number[]; within: number }
  | { t: 'regex'; source: string; flags: string }
  | { t: 'money'; minIdrMonth: number; currencies?: string[] }
  | { t: 'phone'; countries: string[] }
  | { t: 'link'; hosts: string[] }
  | { t: 'all'; of: CompiledPattern[] }
  | { t: 'any'; of: CompiledPattern[] }
  | { t: 'flag'; id: string }
  | { t: 'families'; min: number; of: string[] };

export interface CompiledRule {
  id: string;
  kind: 'signal' | 'combo' | 'gate';
  family: string;
  weight: number;
  gate?: 'job-offer' | 'not-offer';
  title: LocalizedText;
  message: LocalizedText;
  languages: string[];
  match: CompiledPattern[];
  unless?: CompiledPattern[];
}

export interface RuleBundle {
  engineVersion: string;
  /** Version of the rule set (from the caller, e.g. a date or git hash). */
  version: string;
  families: Record<string, { cap: number; description: LocalizedText }>;
  thresholds: RiskThresholds;
  notOfferFactor: number;
  /** IDR per unit of each currency; see rates.ts for sources and date. */
  rates: Record<string, number>;
  ratesAsOf: string;
  terms: CompiledTerm[];
  /** Order: gates, signals, then combos in dependency order. */
  rules: CompiledRule[];
}
