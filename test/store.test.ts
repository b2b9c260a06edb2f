// The store folder is complete: both stores, both languages, the stores' length limits, a justification for
// every permission the manifest asks for, and 1280×800 screenshots in both languages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const STORE = join(ROOT, 'store');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { permissions: string[] };

/** `## Heading` → section text (subsections included). */
function sections(file: string): Map<string, string> {
  const text = readFileSync(join(STORE, file), 'utf8');
  const out = new Map<string, string>();
  for (const part of text.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    out.set(part.slice(0, newline).trim(), part.slice(newline + 1).trim());
  }
  return out;
}

describe.each(['en', 'id'])('store listings in %s', (lang) => {
  it('Chrome Web Store: short and detailed description, single purpose, every permission justified', () => {
    const cws = sections(`chrome-web-store/listing.${lang}.md`);
    const short = cws.get('Short description') ?? '';
    expect(short.length).toBeGreaterThan(20);
    expect(short.length).toBeLessThanOrEqual(132);
    expect(short).not.toContain('\n');
    expect((cws.get('Detailed description') ?? '').length).toBeGreaterThan(500);
    expect((cws.get('Single purpose') ?? '').length).toBeGreaterThan(50);
    const justifications = cws.get('Permission justifications') ?? '';
    for (const permission of manifest.permissions) {
      expect(justifications, `${lang}: no justification for ${permission}`).toMatch(
        new RegExp(`^### ${permission}\\n\\n\\S`, 'm'),
      );
    }
    expect(justifications).toMatch(/^### Remote code$/m);
    expect(cws.get('Data usage (privacy practices tab)')).toBeTruthy();
  });

  it('AMO: name, summary within 250 characters, description, privacy and data collection', () => {
    const amo = sections(`amo/listing.${lang}.md`);
    const summary = amo.get('Summary') ?? '';
    expect(summary.length).toBeGreaterThan(20);
    expect(summary.length).toBeLessThanOrEqual(250);
    expect(amo.get('Name')).toBeTruthy();
    expect((amo.get('Description') ?? '').length).toBeGreaterThan(500);
    expect(amo.get('Data collection')).toContain('"none"');
    for (const permission of manifest.permissions) expect(amo.get('Permission notes')).toContain(permission);
  });

  it('screenshots: badge, reasons and report at 1280×800', () => {
    for (const name of ['1-badge', '2-reasons', '3-report']) {
      const file = join(STORE, 'screenshots', `${name}-${lang}.png`);
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1280, height: 800 });
    }
  });
});

describe('privacy policy and AMO source build', () => {
  it('PRIVACY.md exists in both languages and states that nothing is collected', () => {
    const privacy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
    expect(privacy).toMatch(/^## English$/m);
    expect(privacy).toMatch(/^## Bahasa Indonesia$/m);
    expect(privacy).toContain('LokerAman collects nothing');
    expect(privacy).toContain('tidak mengumpulkan data apa pun');
  });

  it('SOURCE-BUILD.md names the commands the release script really has', () => {
    const build = readFileSync(join(STORE, 'amo', 'SOURCE-BUILD.md'), 'utf8');
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const match of build.matchAll(/npm run ([a-z:]+)/g)) expect(scripts[match[1]], match[0]).toBeTruthy();
    expect(readdirSync(join(ROOT, 'scripts'))).toContain('build-source.mjs');
  });
});
