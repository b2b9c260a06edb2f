// The real posts the engine benchmark and the engine diff check run on: Indonesian job ads, scam-talk forum
// posts, news and English fraudulent ads from ../shared/corpus, read with the evaluation's corpus readers.
// A source that is missing is skipped with a line saying so; the caller prints the counts.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fieldText, type Row, readCorpus } from '../src/tooling/corpus';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared folder beside the repo (or LOKERAMAN_SHARED). */
export const SHARED_DIR = process.env.LOKERAMAN_SHARED ?? resolve(REPO_ROOT, '../shared');

/** A small seeded generator (LCG), so synthetic inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface BenchPosts {
  posts: string[];
  /** Posts per source; a source that failed to load is absent. */
  sources: Record<string, number>;
}

const text = (row: Row, fields: string[]) => fields.map((f) => fieldText(row[f])).join('\n');

const SOURCES: Array<[name: string, load: (corpus: string) => string[]]> = [
  [
    'id-jobs-lokerid-2025',
    (c) =>
      readCorpus(join(c, 'id-jobs-lokerid-2025/job_postings_processed.csv')).map((r) =>
        text(r, ['Title', 'Company', 'Location', 'Description']),
      ),
  ],
  [
    'id-jobs-jobstreet-fpp-2025',
    (c) =>
      readCorpus(join(c, 'id-jobs-jobstreet-fpp-2025/jobs.jsonl')).map((r) =>
        text(r, ['job_title', 'company_name', 'salary', 'job_description']),
      ),
  ],
  [
    'id-jobs-jobindo-bandung-2018',
    (c) =>
      readCorpus(join(c, 'id-jobs-jobindo-bandung-2018/result.json')).map((r) =>
        text(r, ['judul', 'perusahaan', 'persyaratan', 'deskripsi']),
      ),
  ],
  [
    'id-scam-forum-posts',
    (c) => readCorpus(join(c, 'id-scam-forum-posts/clean_datatext.csv')).map((r) => fieldText(r.clean_text)),
  ],
  [
    'id-news-detik-2026',
    (c) => {
      const dir = join(c, 'id-news-detik-2026');
      return readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .flatMap((f) => readCorpus(join(dir, f)).map((r) => text(r, ['judul', 'isi'])));
    },
  ],
  [
    'en-emscad-fraudulent',
    (c) =>
      readCorpus(join(c, 'en-emscad-fraudulent/fake_jobs.csv')).map((r) =>
        text(r, ['title', 'company_profile', 'description', 'requirements', 'benefits']),
      ),
  ],
];

export function loadBenchPosts(
  corpusDir = join(SHARED_DIR, 'corpus'),
  log: (line: string) => void = console.log,
): BenchPosts {
  const posts: string[] = [];
  const sources: Record<string, number> = {};
  for (const [name, load] of SOURCES) {
    try {
      const ok = load(corpusDir)
        .map((t) => t.trim())
        .filter((t) => t.length > 0);
      posts.push(...ok);
      sources[name] = ok.length;
    } catch (error) {
      log(`  (skipped ${name}: ${(error as Error).message})`);
    }
  }
  // Flat strings, as a content script gets them from the DOM: a text joined from fields is a rope (ConsString)
  // that every character access has to step through, which slows the engine and the floor alike and hides
  // the difference between them.
  return { posts: JSON.parse(JSON.stringify(posts)) as string[], sources };
}
