// Public entry point of the rule engine (pure TypeScript, no DOM / browser APIs).
export { type CompiledPattern, type CompiledRule, type CompiledTerm, ENGINE_VERSION, type RuleBundle } from './bundle';
export {
  compileRuleSet,
  parseTerm,
  RuleCompileError,
  type RuleErrorCode,
  type RuleIssue,
  type RuleSetInput,
} from './compile';
export { createEngine, type Engine, explainRule, MAX_CHARS } from './engine';
export { COUNTRY_CALLING_CODES, extractAll, extractLinks, extractMoney, extractPhones } from './extract';
export { type DetectedLang, detectLanguage } from './lang';
export { type Normalized, normalize } from './normalize';
export { DEFAULT_RATES, RATES_AS_OF } from './rates';
export type { AnalyzeContext, Evidence, Flag, Risk, RiskThresholds, Verdict } from './types';
