// Which reasons the dialog shows first. A combination rule ("office job in a scam-hub country") is
// built from other rules that fired ("Cambodia", "admin"); listing both says the same thing twice, so
// the parts are folded under the combination and only top-level reasons compete for the first screen.
import type { Evidence, Flag } from '../../engine/types';

/** Combo id → rule ids its patterns name (src/generated/rules.parts.json, from the compiled rules). */
export type ComboParts = Readonly<Record<string, readonly string[] | undefined>>;

export interface Reason {
  flag: Flag;
  /** Fired rules this reason is built from (transitively), strongest first. */
  parts: Flag[];
}

export interface Reasons {
  /** Top-level warning signs, strongest first (positive weight only). */
  all: Reason[];
  /** The first `limit` of `all`: what the first screen shows. */
  top: Reason[];
  /** Signs that lowered the score (official channel, company identity). */
  reassuring: Flag[];
  /** Every warning sign that fired, parts included (the "All N reasons" count). */
  count: number;
}

const byWeight = (a: Flag, b: Flag) => b.weight - a.weight;

export function groupReasons(flags: readonly Flag[], parts: ComboParts, limit = 3): Reasons {
  const fired = new Map(flags.map((flag) => [flag.id, flag]));
  const memo = new Map<string, Set<string>>();
  const partsOf = (id: string, seen: Set<string> = new Set()): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const out = new Set<string>();
    if (seen.has(id)) return out; // a malformed cycle must not hang the dialog
    seen.add(id);
    for (const part of parts[id] ?? []) {
      if (!fired.has(part) || part === id) continue;
      out.add(part);
      for (const deeper of partsOf(part, seen)) out.add(deeper);
    }
    memo.set(id, out);
    return out;
  };
  const covered = new Set<string>();
  for (const flag of flags) for (const part of partsOf(flag.id)) covered.add(part);

  const warning = flags.filter((flag) => flag.weight > 0);
  const all = warning
    .filter((flag) => !covered.has(flag.id))
    .sort(byWeight)
    .map((flag) => ({
      flag,
      parts: [...partsOf(flag.id)]
        .map((id) => fired.get(id) as Flag)
        .filter((part) => part.weight > 0)
        .sort(byWeight),
    }));
  return {
    all,
    top: all.slice(0, limit),
    reassuring: flags.filter((flag) => flag.weight < 0),
    count: warning.length,
  };
}

/** Evidence to highlight: only that of the reasons on screen, so marks keep their meaning. */
export function evidenceOf(reasons: readonly Reason[]): Evidence[] {
  return reasons.flatMap((reason) => reason.flag.evidence);
}

/** The first sentence of a rule message, for the first screen; the whole message is under "All reasons". */
export function firstSentence(message: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(message.trim());
  return match ? (match[1] as string) : message.trim();
}
