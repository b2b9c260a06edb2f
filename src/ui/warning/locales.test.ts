// Guards every locale file in src/locales (not only ours): each key needs non-empty en and id, keys are
// unique across files, and every literal key passed to getMessage(…) or t(…) in the code exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../..');
const LOCALES = join(SRC, 'locales');

function localeTables(): Map<string, Record<string, Record<string, unknown>>> {
  const tables = new Map<string, Record<string, Record<string, unknown>>>();
  for (const file of readdirSync(LOCALES).filter((f) => f.endsWith('.json'))) {
    tables.set(file, JSON.parse(readFileSync(join(LOCALES, file), 'utf8')));
  }
  return tables;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Literal keys in `getMessage('key'` and `t('key'` calls (template literals and variables are not checkable). */
function usedKeys(code: string): string[] {
  const keys: string[] = [];
  for (const match of code.matchAll(/(?:\bgetMessage|(?<![\w.$])t)\(\s*(['"])([^'"\n]+)\1/g)) keys.push(match[2] as string);
  return keys;
}

describe('locales', () => {
  const tables = localeTables();

  it('finds locale files, including ours', () => {
    expect([...tables.keys()]).toEqual(expect.arrayContaining(['common.json', 'warning.json']));
  });

  it('every key in every locale file has a non-empty en and id message', () => {
    const problems: string[] = [];
    for (const [file, table] of tables) {
      for (const [key, entry] of Object.entries(table)) {
        if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${file}: bad key "${key}"`);
        for (const lang of ['en', 'id']) {
          const value = entry?.[lang];
          if (typeof value !== 'string' || value.trim() === '') problems.push(`${file}: ${key} lacks ${lang}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('no key is defined in two files', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [file, table] of tables) {
      for (const key of Object.keys(table)) {
        if (seen.has(key)) dupes.push(`${key} in ${seen.get(key)} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('every getMessage/t key used in src exists', () => {
    const known = new Set([...tables.values()].flatMap((table) => Object.keys(table)));
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(SRC)) {
      for (const key of usedKeys(readFileSync(file, 'utf8'))) {
        checked += 1;
        if (!known.has(key)) missing.push(`${relative(SRC, file)}: ${key}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('the key scanner sees the call forms we use and skips lookalikes', () => {
    expect(usedKeys("browser.i18n.getMessage('extName'); t('warning_close', lang); t(\"a_b\")")).toEqual([
      'extName',
      'warning_close',
      'a_b',
    ]);
    expect(usedKeys("it('renders', () => {}); x.t('nope'); split('x')")).toEqual([]);
  });
});
