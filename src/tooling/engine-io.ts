// Getting a ready engine for the CLI: from a compiled bundle file, or straight from the rules folder so a
// maintainer's edit is live without a separate build step.
import { existsSync, readFileSync } from 'node:fs';
import { createEngine, type RuleBundle } from '../engine/index';
import type { Evidence, Verdict } from '../engine/types';
import { buildBundle, DEFAULT_BUNDLE_OUT, DEFAULT_RULES_DIR } from './build';
import type { RuleError } from './load';
import { freshPrebuiltBundle } from './prebuilt';

export type Engine = ReturnType<typeof createEngine>;

export interface EngineSource {
  rulesDir?: string;
  bundleFile?: string;
}

export type EngineLoad =
  | { ok: true; engine: Engine; bundle: RuleBundle; origin: string }
  | { ok: false; errors: RuleError[] };

export function loadEngine(src: EngineSource = {}): EngineLoad {
  if (src.bundleFile) {
    const bundle = JSON.parse(readFileSync(src.bundleFile, 'utf8')) as RuleBundle;
    return { ok: true, engine: createEngine(bundle), bundle, origin: src.bundleFile };
  }
  const rulesDir = src.rulesDir ?? DEFAULT_RULES_DIR;
  if (!existsSync(rulesDir) && existsSync(DEFAULT_BUNDLE_OUT)) {
    return loadEngine({ bundleFile: DEFAULT_BUNDLE_OUT });
  }
  const prebuilt = freshPrebuiltBundle(rulesDir);
  if (prebuilt) return loadEngine({ bundleFile: prebuilt });
  // ReDoS screening belongs to `rules validate`/`build`; skipping it keeps `check` and `scan` quick.
  const built = buildBundle({ rulesDir, out: null, redos: false, version: 'dev' });
  if (!built.ok || !built.bundle) return { ok: false, errors: built.errors.filter((e) => e.severity === 'error') };
  return { ok: true, engine: createEngine(built.bundle), bundle: built.bundle, origin: rulesDir };
}

/**
 * The compact per-text record of the scan contract. `truncated: true` appears only when the engine read
 * just the first part of a very long text, so a consumer knows the verdict covers that part.
 */
export function scanRecord(id: unknown, v: Verdict) {
  return {
    id,
    risk: v.risk,
    score: v.score,
    lang: v.lang,
    ...(v.truncated ? { truncated: true as const } : {}),
    flags: v.flags.map((f) => ({
      id: f.id,
      evidence: f.evidence.map((e: Evidence) => ({ text: e.text, start: e.start, end: e.end })),
    })),
  };
}
