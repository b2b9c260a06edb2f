// Readers for evaluation corpora: JSONL, JSON (array of objects), XLSX (first sheet) and CSV (RFC 4180 quoting, fields that
// span lines, BOM, comma or semicolon). Corpora are a few MB at most, so whole-file reads are fine here;
// the `scan` command streams instead because its input size is not ours to choose.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { readXlsx } from './xlsx';

export type Row = Record<string, unknown>;

/** Parses CSV text into records. The delimiter is guessed from the header line when not given. */
export function parseCsv(text: string, delimiter?: string): Row[] {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!s.endsWith('\n')) s += '\n';
  const delim = delimiter ?? guessDelimiter(s);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delim) {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      field = '';
      records.push(record);
      record = [];
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  const [header, ...body] = records;
  if (!header) return [];
  return body
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => {
      const row: Row = {};
      header.forEach((h, k) => {
        row[h] = r[k] ?? '';
      });
      return row;
    });
}

function guessDelimiter(s: string): string {
  const firstLine = s.slice(0, s.indexOf('\n'));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

export function parseJsonl(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    rows.push(JSON.parse(line) as Row);
  }
  return rows;
}

export function readCorpus(path: string, opts: { delimiter?: string } = {}): Row[] {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return readXlsx(path);
  const text = readFileSync(path, 'utf8');
  if (ext === '.jsonl' || ext === '.ndjson') return parseJsonl(text);
  if (ext === '.json') {
    const data: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (!Array.isArray(data)) throw new Error(`${path}: expected a JSON array of objects`);
    return data as Row[];
  }
  if (ext === '.csv' || ext === '.tsv') return parseCsv(text, ext === '.tsv' ? '\t' : opts.delimiter);
  throw new Error(`${path}: unsupported corpus format ${ext || '(no extension)'} (use .jsonl, .json, .csv or .xlsx)`);
}

/** Field names tried, in order, when the caller does not name the text field. */
export const TEXT_FIELDS = [
  'text',
  'description',
  'Description',
  'job_description',
  'job_desc',
  'deskripsi',
  'clean_text',
  'isi',
  'Text',
  'teks',
  'proof',
  'content',
  'body',
  'message',
];

/** A field's value as text: lists (JSON arrays such as Jobindo's requirement lines) are joined by lines. */
export function fieldText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(fieldText).filter(Boolean).join('\n');
  return String(v);
}

export function pickTextField(rows: readonly Row[], wanted?: string): string | undefined {
  if (wanted) return wanted;
  const first = rows[0];
  if (!first) return undefined;
  return TEXT_FIELDS.find((f) => f in first);
}

/** Truthy label values as they appear in common corpora (1, true, yes, fraud, scam, spam, positive). */
export function labelIsPositive(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v > 0;
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  return ['1', 'true', 'yes', 'y', 'fraud', 'fraudulent', 'scam', 'spam', 'positive', 'pos'].includes(s);
}

/** Normalised text for de-duplication: case, spacing and punctuation differences do not count. */
export function dedupKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
