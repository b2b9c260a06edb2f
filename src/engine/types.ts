// Public shapes of the engine. Pure data: safe to pass through extension messaging and JSON.

export type Risk = 'none' | 'low' | 'medium' | 'high';

/** A span in the ORIGINAL text (UTF-16 offsets, end exclusive) that the UI can highlight. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

export interface Flag {
  id: string;
  family: string;
  weight: number;
  /** User-facing explanation in the verdict's UI language. */
  message: string;
  title: string;
  evidence: Evidence[];
}

export interface Verdict {
  risk: Risk;
  score: number;
  /** Detected language of the post: 'id' | 'en' | 'tl' | 'vi' | 'th' | 'ms' | 'zh' | 'und'. */
  lang: string;
  flags: Flag[];
  /**
   * Offer unless the not-offer gates that fired (news, warnings, narration) outweigh the job-offer gates: a
   * recruiter's chat message often has no "lowongan" or "kirim CV", and it is no less an offer for that.
   */
  isJobOffer: boolean;
  /** Ids of the gate rules that fired (job-offer and not-offer), for rule tests and explanations. */
  gates?: string[];
  /** True when the text was longer than the per-post cap and only a prefix was analysed. */
  truncated?: boolean;
  /**
   * Ids of `regex` rules skipped because the post had used up its time budget (engine.ts REGEX_BUDGET_MS):
   * a runaway pattern costs one post a bounded delay and is reported, instead of freezing the tab.
   */
  overBudget?: string[];
}

export interface AnalyzeContext {
  /** Page URL the post was found on. */
  url?: string;
  /** Site adapter id, e.g. 'facebook'. */
  site?: string;
  /** Links found inside the post (already resolved from redirect wrappers). */
  links?: string[];
  /** Language for messages; defaults to the detected post language when it is 'id', else 'en'. */
  uiLang?: 'id' | 'en';
  /** Score thresholds override (sensitivity setting). */
  thresholds?: RiskThresholds;
}

export interface RiskThresholds {
  low: number;
  medium: number;
  high: number;
}
