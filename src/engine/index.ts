// Public entry point of the rule engine (pure TypeScript, no DOM / browser APIs).
export { ENGINE_VERSION, type RuleBundle, type CompiledRule, type CompiledPattern, type CompiledTerm } from './bundle';
export { compileRuleSet, parseTerm, RuleCompileError, type RuleIssue, type RuleErrorCode, type RuleSetInput } from './compile';
export { createEngine, explainRule, MAX_CHARS, type Engine } from './engine';
export { normalize, type Normalized } from './normalize';
export { extractAll, extractLinks, extractMoney, extractPhones, COUNTRY_CALLING_CODES } from './extract';
export { detectLanguage, type DetectedLang } from './lang';
export { DEFAULT_RATES, RATES_AS_OF } from './rates';
export type { AnalyzeContext, Evidence, Flag, Risk, RiskThresholds, Verdict } from './types';
