// Client-side check for `regex` patterns in a remote rule update, run in the service worker before install.
// The CLI screens rules with a ReDoS analyser, but a signed update is only as safe as the key that signed it:
// a stolen maintainer key, or a maintainer tool that let a warning through, must not be able to freeze every
// user's tabs. So the browser accepts only a subset that is safe by construction and rejects everything else,
// including whatever this parser does not understand (inconclusive = rejected):
//   - no unbounded repetition (`*`, `+`, `{n,}`): every quantifier is `?` or `{n}` / `{n,m}` with m <= MAX_REPEAT;
//   - no quantifier inside a quantified group (nested quantifiers);
//   - no backreferences, lookarounds or named groups;
//   - the number of ways the pattern can match from one start position (alternatives times repetition counts,
//     an upper bound on a backtracking matcher's paths) is at most MAX_PATHS.
// With these, one exec over the engine's 20,000-character window does at most about
// 20,000 × MAX_PATHS × pattern-length steps, whatever the text.

export const MAX_REPEAT = 50;
export const MAX_PATHS = 1000;

export type RegexSafety = { safe: true; paths: number } | { safe: false; reason: string };

interface Node {
  /** Upper bound on the distinct ways this node can match at one position. */
  paths: number;
  /** Whether a quantifier appears anywhere inside. */
  hasQuantifier: boolean;
  /** Whether a quantifier may follow (not an anchor or a lookaround). */
  quantifiable: boolean;
}

class Unsafe extends Error {}

const fail = (reason: string): never => {
  throw new Unsafe(reason);
};

const cap = (n: number) => Math.min(n, Number.MAX_SAFE_INTEGER);

export function checkRegexSafety(source: string, flags = ''): RegexSafety {
  if (!/^[imsu]*$/.test(flags)) return { safe: false, reason: `flags "${flags}": only i, m, s, u are allowed` };
  try {
    new RegExp(source, flags);
  } catch (error) {
    return { safe: false, reason: `does not compile: ${(error as Error).message}` };
  }
  let i = 0;

  function atEnd(): boolean {
    return i >= source.length;
  }

  function alternation(depth: number): Node {
    const branches: Node[] = [sequence(depth)];
    while (!atEnd() && source[i] === '|') {
      i++;
      branches.push(sequence(depth));
    }
    return {
      paths: cap(branches.reduce((sum, b) => sum + b.paths, 0)),
      hasQuantifier: branches.some((b) => b.hasQuantifier),
      quantifiable: true,
    };
  }

  function sequence(depth: number): Node {
    let paths = 1;
    let hasQuantifier = false;
    while (!atEnd() && source[i] !== '|' && source[i] !== ')') {
      const node = quantified(atom(depth));
      paths = cap(paths * node.paths);
      if (paths > MAX_PATHS) fail(`more than ${MAX_PATHS} ways to match at one position`);
      hasQuantifier ||= node.hasQuantifier;
    }
    return { paths, hasQuantifier, quantifiable: true };
  }

  function quantified(node: Node): Node {
    if (atEnd()) return node;
    const c = source[i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+') return fail(`unbounded repetition "${c}" at ${i}: use {n,m} with m <= ${MAX_REPEAT}`);
    if (c === '?') {
      i++;
      min = 0;
      max = 1;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return fail(`"{" at ${i} is not a {n,m} quantifier (escape it as \\{)`);
      min = Number(m[1]);
      if (m[2] === undefined) max = min;
      else if (m[3] === '') return fail(`unbounded repetition "${m[0]}" at ${i}: give an upper bound <= ${MAX_REPEAT}`);
      else max = Number(m[3]);
      if (max > MAX_REPEAT) return fail(`repetition up to ${max} at ${i}: at most ${MAX_REPEAT}`);
      i += m[0].length;
    } else {
      return node;
    }
    if (!atEnd() && source[i] === '?') i++; // lazy: same paths
    if (!node.quantifiable) return fail(`quantifier at ${i} on an anchor or assertion`);
    if (node.hasQuantifier) return fail(`nested quantifier at ${i}: a quantified group may not contain a quantifier`);
    let paths = 0;
    for (let k = min; k <= max; k++) {
      paths = cap(paths + node.paths ** k);
      if (paths > MAX_PATHS) fail(`more than ${MAX_PATHS} ways to match at one position`);
    }
    if (!(!atEnd() && /[*+?{]/.test(source[i] as string)))
      return { paths: Math.max(paths, 1), hasQuantifier: true, quantifiable: false };
    return fail(`stacked quantifiers at ${i}`);
  }

  function atom(depth: number): Node {
    const c = source[i] as string;
    const single: Node = { paths: 1, hasQuantifier: false, quantifiable: true };
    if (c === '(') {
      if (depth > 20) fail('groups nested too deeply');
      i++;
      if (source[i] === '?') {
        if (source[i + 1] === ':') i += 2;
        else fail(`group "(?${source[i + 1] ?? ''}" at ${i - 1}: lookarounds and named groups are not allowed`);
      }
      const inner = alternation(depth + 1);
      if (source[i] !== ')') fail(`unclosed group at ${i}`);
      i++;
      return { ...inner, quantifiable: true };
    }
    if (c === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++; // a literal "]" first (or "[^]")
      while (!atEnd() && source[i] !== ']') {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') fail(`"[" inside a class at ${i}`);
        i++;
      }
      if (atEnd()) fail('unclosed character class');
      i++;
      return single;
    }
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) return fail('trailing backslash');
      if (/[1-9]/.test(next) || next === 'k') return fail(`backreference at ${i}`);
      if (next === 'b' || next === 'B') {
        i += 2;
        return { paths: 1, hasQuantifier: false, quantifiable: false };
      }
      if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        if (close < 0) fail('unclosed \\p{');
        i = close + 1;
        return single;
      }
      if (next === 'u' && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        if (close < 0) fail('unclosed \\u{');
        i = close + 1;
        return single;
      }
      if (next === 'u') {
        i += 6;
        return single;
      }
      if (next === 'x') {
        i += 4;
        return single;
      }
      if (next === 'c') {
        i += 3;
        return single;
      }
      i += 2;
      return single;
    }
    if (c === '^' || c === '$') {
      i++;
      return { paths: 1, hasQuantifier: false, quantifiable: false };
    }
    if (c === ')' || c === '|') return fail(`unexpected "${c}" at ${i}`);
    if (c === '*' || c === '+' || c === '?' || c === '{')
      return fail(`quantifier "${c}" at ${i} has nothing to repeat`);
    i++;
    return single;
  }

  try {
    const root = alternation(0);
    if (!atEnd()) fail(`unexpected "${source[i]}" at ${i}`);
    if (root.paths > MAX_PATHS) fail(`more than ${MAX_PATHS} ways to match at one position`);
    return { safe: true, paths: root.paths };
  } catch (error) {
    if (error instanceof Unsafe) return { safe: false, reason: error.message };
    return { safe: false, reason: `inconclusive: ${String(error)}` };
  }
}

/** Every `regex` pattern anywhere in a list of rules (match, all/any/not, near …), with the rule id. */
export function regexPatternsIn(rules: readonly unknown[]): Array<{ ruleId: string; regex: string; flags: string }> {
  const out: Array<{ ruleId: string; regex: string; flags: string }> = [];
  const visit = (value: unknown, ruleId: string, depth: number): void => {
    if (depth > 50 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, ruleId, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.regex === 'string') {
      out.push({ ruleId, regex: record.regex, flags: typeof record.flags === 'string' ? record.flags : '' });
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'examples' || key === 'title' || key === 'message' || key === 'references') continue;
      visit(child, ruleId, depth + 1);
    }
  };
  for (const rule of rules) {
    const id = typeof (rule as { id?: unknown })?.id === 'string' ? (rule as { id: string }).id : '?';
    visit(rule, id, 0);
  }
  return out;
}
