// The rule format. This zod module is the single source of truth: the CLI validates YAML against it,
// `rules/schema.json` is generated from it, and the compiled bundle's types derive from it.
//
// Uses zod/mini so the parts that ship (bundle validation in the background) stay small.
import * as z from 'zod/mini';

z.config({ jitless: true });

export const LANGS = ['id', 'en', 'tl', 'vi', 'th', 'ms', 'zh'] as const;
export const Lang = z.enum(LANGS);

/** Text in several languages; `en` and `id` are required for anything a user reads. */
export const Localized = z.object({
  en: z.string().check(z.minLength(1)),
  id: z.string().check(z.minLength(1)),
  tl: z.optional(z.string()),
  vi: z.optional(z.string()),
  th: z.optional(z.string()),
  ms: z.optional(z.string()),
  zh: z.optional(z.string()),
});

/**
 * A term, matched on normalised text (lower-cased, de-obfuscated), word-boundary aware:
 *   `kamboja`          a word; Indonesian clitics (-nya, -lah, -pun, -kah) on the last word are tolerated
 *   `phnom penh`       a phrase; any run of spaces/punctuation between the words
 *   `tanggung+`        plus Indonesian affixes: di-, ter-, ber-, me(N)-, pe(N)-, ke-, se- and -kan, -an, -i
 *   `admin*`           any word starting with "admin"
 *   `@hub-places`      every term of the vocabulary `rules/vocab/hub-places.yaml`
 */
export const Term = z.string().check(z.minLength(1));

export const MoneyCondition = z.object({
  /** Minimum monthly amount, expressed in IDR (other currencies are converted with the bundle's rates). */
  min_idr_month: z.number(),
  /** Only count amounts in these currencies (ISO codes, plus USDT); default any. */
  currencies: z.optional(z.array(z.string())),
});

export type Pattern =
  | { terms: string[] }
  | { near: { terms: string[]; with: string[]; within: number } }
  | { regex: string; flags?: string }
  | { money: z.infer<typeof MoneyCondition> }
  | { phone: { countries: string[] } }
  | { link: { hosts: string[] } }
  | { all: Pattern[] }
  | { any: Pattern[] }
  | { flag: string }
  | { families: { min: number; of: string[] } };

export const PatternSchema: z.ZodMiniType<Pattern> = z.union([
  /** Any of the terms. */
  z.strictObject({ terms: z.array(Term).check(z.minLength(1)) }),
  /** A term of `terms` within `within` words of a term of `with` (either order). */
  z.strictObject({
    near: z.strictObject({
      terms: z.array(Term).check(z.minLength(1)),
      with: z.array(Term).check(z.minLength(1)),
      within: z.number().check(z.int(), z.minimum(1), z.maximum(50)),
    }),
  }),
  /** Escape hatch: a JavaScript regex over the normalised text; rejected at validation when ReDoS-prone. */
  z.strictObject({ regex: z.string().check(z.minLength(1)), flags: z.optional(z.string()) }),
  /** A salary/amount extracted from the text at or above a threshold. */
  z.strictObject({ money: MoneyCondition }),
  /** A phone number with one of these country calling codes (ISO 3166 alpha-2, e.g. KH, MM, LA). */
  z.strictObject({ phone: z.strictObject({ countries: z.array(z.string()).check(z.minLength(1)) }) }),
  /** A link (in the text or in the post's links) to one of these hosts (suffix match). */
  z.strictObject({ link: z.strictObject({ hosts: z.array(z.string()).check(z.minLength(1)) }) }),
  /** Every sub-pattern matches. */
  z.strictObject({ all: z.array(z.lazy(() => PatternSchema)).check(z.minLength(1)) }),
  /** At least one sub-pattern matches. */
  z.strictObject({ any: z.array(z.lazy(() => PatternSchema)).check(z.minLength(1)) }),
  /** Another rule (by id) fired on this text. Only for rules of kind `combo`. */
  z.strictObject({ flag: z.string() }),
  /**
   * At least `min` of these families got evidence from signal rules. Only for rules of kind `combo`:
   * lures combine independent red flags, and how many families agree says more than any one of them.
   */
  z.strictObject({
    families: z.strictObject({
      min: z.number().check(z.int(), z.minimum(2), z.maximum(12)),
      of: z.array(z.string()).check(z.minLength(2)),
    }),
  }),
]);

export const Reference = z.strictObject({
  url: z.url(),
  title: z.string().check(z.minLength(1)),
});

export const Examples = z.strictObject({
  /** Texts the rule must fire on. */
  match: z.array(z.string()).check(z.minLength(2)),
  /** Texts the rule must not fire on. */
  no_match: z.array(z.string()).check(z.minLength(2)),
  /** Known misses: listed so they are visible, do not fail tests. */
  todo_match: z.optional(z.array(z.string())),
  /** Known false alarms: listed so they are visible, do not fail tests. */
  todo_no_match: z.optional(z.array(z.string())),
});

export const RuleSchema = z.strictObject({
  /** Equal to the file name without `.yaml`; kebab-case; never reused (see rules/renamed.json). */
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  /**
   * `signal`: adds `weight` to its family when it fires.
   * `combo`: fires when its `match` (usually `flag` patterns) holds over other rules' results.
   * `gate`: decides whether the text is a job offer (`job-offer`) or talk about scams (`not-offer`).
   */
  kind: z.enum(['signal', 'combo', 'gate']),
  /** Evidence family (see rules/families.yaml), e.g. destination, pay, visa, contact, job-context. */
  family: z.string(),
  /** Score contribution; negative for legit-channel signals. */
  weight: z.number().check(z.minimum(-100), z.maximum(100)),
  /** For gate rules: what the gate says when it fires. */
  gate: z.optional(z.enum(['job-offer', 'not-offer'])),
  title: Localized,
  message: Localized,
  languages: z.array(Lang).check(z.minLength(1)),
  /** The rule fires when ANY pattern matches. */
  match: z.array(PatternSchema).check(z.minLength(1)),
  /** …unless ANY of these matches anywhere in the text. */
  unless: z.optional(z.array(PatternSchema)),
  references: z.array(Reference).check(z.minLength(1)),
  /** YYYY-MM-DD */
  added: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  examples: Examples,
});
export type Rule = z.infer<typeof RuleSchema>;

/** `rules/vocab/<name>.yaml`: a named term list that patterns refer to as `@name`. */
export const VocabSchema = z.strictObject({
  name: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  description: z.string(),
  references: z.optional(z.array(Reference)),
  terms: z.array(Term).check(z.minLength(1)),
});
export type Vocab = z.infer<typeof VocabSchema>;

/** `rules/families.yaml`: per-family caps, so one noisy family cannot dominate the score. */
export const FamiliesSchema = z.strictObject({
  families: z.record(
    z.string(),
    z.strictObject({
      cap: z.number(),
      description: Localized,
    }),
  ),
  /** Score at or above which each risk level starts. */
  thresholds: z.strictObject({ low: z.number(), medium: z.number(), high: z.number() }),
  /** When the job-offer gate is closed, the score is multiplied by this (e.g. 0.2). */
  not_offer_factor: z.number().check(z.minimum(0), z.maximum(1)),
});
export type Families = z.infer<typeof FamiliesSchema>;
