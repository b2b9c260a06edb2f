// `npm run eval`: the false-alarm / detection regression suite over the shared real-text corpora.
//
//   npm run eval                 print the tables
//   npm run eval -- --check      exit 1 when a false-alarm rate rose or a detection rate fell vs the baseline
//   npm run eval -- --update     rewrite test/eval/baseline.json with the current figures
//   npm run eval -- --json       machine-readable figures
//   npm run eval -- --real       only the real-lure corpus (test/eval/real; needs no shared folder)
//
// Corpora live in ../shared/corpus from the repository root (override the shared folder with
// LOKERAMAN_SHARED).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/index';
import { buildBundle, REPO_ROOT } from '../src/tooling/build';
import { dedupKey, fieldText, type Row, readCorpus } from '../src/tooling/corpus';
import {
  compareToBaseline as compare,
  type EvalStats,
  evaluate,
  type Figures,
  pct,
  table,
} from '../src/tooling/evaluate';
import { formatError } from '../src/tooling/load';
import { realCorpusReport } from './eval-real';

type Kind = 'negative' | 'positive';

interface CorpusDef {
  id: string;
  files: string[];
  /** Keep a row? */
  filter?: (r: Row) => boolean;
  /** The text a user would see: title and body, joined by newlines. */
  text: (r: Row) => string;
}

interface GroupDef {
  id: string;
  kind: Kind;
  title: string;
  /** Acceptance target shown next to the figures. */
  target: { metric: 'low' | 'medium' | 'high'; op: '<=' | '>='; value: number; note?: string };
  corpora: CorpusDef[];
}

const join_ = (...parts: unknown[]) =>
  parts
    .map(fieldText)
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n');

const emscadText = (r: Row) =>
  join_(r.title, r.location, r.salary_range, r.company_profile, r.description, r.requirements, r.benefits);

// Cells of the PH sheet that are a note, a bare link or a handle rather than the message itself.
const isMessage = (s: string) => s.trim().split(/\s+/).length >= 5 && !/^(row \d+|\*?attached)/i.test(s.trim());

const GROUPS: GroupDef[] = [
  {
    id: 'legit-id',
    kind: 'negative',
    title: 'Legitimate Indonesian job ads',
    target: { metric: 'medium', op: '<=', value: 0.5 },
    corpora: [
      {
        id: 'lokerid',
        files: ['id-jobs-lokerid-2025/job_postings_processed.csv'],
        text: (r) => join_(r.Title, r.Description),
      },
      {
        id: 'jobstreet-fpp',
        files: ['id-jobs-jobstreet-fpp-2025/jobs.jsonl'],
        text: (r) => join_(r.job_title, r.job_description),
      },
      {
        id: 'jobindo-bandung',
        files: ['id-jobs-jobindo-bandung-2018/result.json'],
        text: (r) => join_(r.judul, r.persyaratan, r.deskripsi),
      },
      {
        id: 'jobstreet-dataanalyst',
        files: ['id-jobs-jobstreet-dataanalyst-2025/lowongan_jobstreet_lengkap_20250630_120733.csv'],
        text: (r) => join_(r['Job Position'], r.Description),
      },
      {
        id: 'maganghub',
        files: ['id-jobs-maganghub-2025/data_lowongan_maganghub.xlsx'],
        text: (r) => join_(r.posisi, r.deskripsi_posisi),
      },
      {
        id: 'jobstreet-datasci-id',
        files: ['jobstreet-id-my-sg-datasci/jobstreet_data.csv'],
        filter: (r) => r.country === 'indonesia',
        text: (r) => join_(r.title, r.description),
      },
      {
        id: 'jobstreet-dataeng-id',
        files: ['jobstreet-id-sg-dataeng/TABLE_SILVER_EXAMPLE_jobstreetscrape_indonesia_detailed.csv'],
        text: (r) => join_(r.role, r.job_desc),
      },
    ],
  },
  {
    id: 'legit-en',
    kind: 'negative',
    title: 'Legitimate English job ads',
    target: { metric: 'medium', op: '<=', value: 0.5 },
    corpora: [
      {
        id: 'emscad-legit',
        files: ['en-emscad-small-sample/fj_small.csv'],
        filter: (r) => String(r.fraudulent) === '0',
        text: emscadText,
      },
      {
        id: 'jobstreet-datasci-my-sg',
        files: ['jobstreet-id-my-sg-datasci/jobstreet_data.csv'],
        filter: (r) => r.country === 'malaysia' || r.country === 'singapore',
        text: (r) => join_(r.title, r.description),
      },
      {
        id: 'jobstreet-dataeng-sg',
        files: ['jobstreet-id-sg-dataeng/TABLE_SILVER_EXAMPLE_jobstreetscrape_singapore_detailed.csv'],
        text: (r) => join_(r.role, r.job_desc),
      },
    ],
  },
  {
    id: 'hard-negatives',
    kind: 'negative',
    title: 'News and posts about scams (not offers)',
    target: { metric: 'medium', op: '<=', value: 1 },
    corpora: [
      {
        id: 'news-detik-2026',
        files: ['id-news-detik-2026/train.csv', 'id-news-detik-2026/val.csv', 'id-news-detik-2026/test.csv'],
        text: (r) => join_(r.judul, r.isi),
      },
      { id: 'news-media-2023', files: ['id-news-media-2023/media_news.csv'], text: (r) => join_(r.Title, r.Text) },
      { id: 'scam-forum-posts', files: ['id-scam-forum-posts/clean_datatext.csv'], text: (r) => join_(r.clean_text) },
    ],
  },
  {
    id: 'positives',
    kind: 'positive',
    title: 'Real scam recruitment text (generic job scams, task-scam SMS)',
    target: { metric: 'low', op: '>=', value: 50, note: 'aim, EMSCAD fraudulent' },
    corpora: [
      { id: 'emscad-fraudulent', files: ['en-emscad-fraudulent/fake_jobs.csv'], text: emscadText },
      {
        id: 'ph-sms-work',
        files: ['ph-scam-sms/proof.csv'],
        filter: (r) =>
          ['work', 'job offer', 'passive income'].includes(String(r.type).trim().toLowerCase()) &&
          isMessage(String(r.proof ?? '')),
        text: (r) => join_(r.proof),
      },
    ],
  },
];

interface Baseline {
  note: string;
  tolerancePp: number;
  groups: Record<string, Figures>;
  corpora: Record<string, Figures>;
}

const BASELINE_FILE = join(REPO_ROOT, 'test', 'eval', 'baseline.json');
const TOLERANCE_PP = 0.1;

const figures = (s: EvalStats): Figures => ({
  n: s.n,
  low: pct(s.atLeastLow, s.n),
  medium: pct(s.atLeastMedium, s.n),
  high: pct(s.high, s.n),
});

function sharedDir(): string {
  return process.env.LOKERAMAN_SHARED ? resolve(process.env.LOKERAMAN_SHARED) : resolve(REPO_ROOT, '..', 'shared');
}

interface Loaded {
  group: GroupDef;
  /** Texts per corpus, deduplicated within the group (first corpus to hold a text keeps it). */
  corpora: { def: CorpusDef; texts: string[]; rows: number }[];
}

function loadGroups(corpusDir: string): Loaded[] {
  return GROUPS.map((group) => {
    const seen = new Set<string>();
    const corpora = group.corpora.map((def) => {
      let rows = 0;
      const texts: string[] = [];
      for (const f of def.files) {
        for (const r of readCorpus(join(corpusDir, f))) {
          if (def.filter && !def.filter(r)) continue;
          rows++;
          const t = def.text(r);
          const k = dedupKey(t);
          if (!k || seen.has(k)) continue;
          seen.add(k);
          texts.push(t);
        }
      }
      return { def, texts, rows };
    });
    return { group, corpora };
  });
}

function meets(g: GroupDef, f: Figures): boolean {
  const v = f[g.target.metric];
  return g.target.op === '<=' ? v <= g.target.value : v >= g.target.value;
}

async function run(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean' },
      update: { type: 'boolean' },
      json: { type: 'boolean' },
      rules: { type: 'string' },
      real: { type: 'boolean' },
    },
  });
  const built = buildBundle({ rulesDir: values.rules, out: null, redos: false, version: 'eval' });
  if (!built.ok || !built.bundle) {
    for (const e of built.errors) if (e.severity === 'error') console.error(formatError(e));
    console.error('eval: the rules do not compile');
    return 1;
  }
  const engine = createEngine(built.bundle);
  // The real-lure corpus ships in the repository, so this part runs on every clone.
  const real = realCorpusReport(engine);
  if (values.real) {
    console.log(real.lines.join('\n'));
    return real.problems.length ? 1 : 0;
  }
  const corpusDir = join(sharedDir(), 'corpus');
  if (!existsSync(corpusDir)) {
    console.error(`eval: corpus folder not found: ${corpusDir} (set LOKERAMAN_SHARED)`);
    return 2;
  }
  const analyze = (t: string) => engine.analyze(t);

  const t0 = performance.now();
  const loaded = loadGroups(corpusDir);
  const results = loaded.map(({ group, corpora }) => {
    const per = corpora.map((c) => ({
      id: c.def.id,
      rows: c.rows,
      stats: evaluate(
        analyze,
        c.texts.map((text) => ({ text })),
      ),
    }));
    const all = evaluate(
      analyze,
      corpora.flatMap((c) => c.texts.map((text) => ({ text }))),
    );
    return { group, per, all };
  });
  const secs = (performance.now() - t0) / 1000;

  const current: Baseline = {
    note: 'Written by `npm run eval -- --update`. Rates are percentages of deduplicated texts.',
    tolerancePp: TOLERANCE_PP,
    groups: {
      ...Object.fromEntries(results.map((r) => [r.group.id, figures(r.all)])),
      ...Object.fromEntries(Object.entries(real.groups).map(([id, g]) => [id, g.figures])),
    },
    corpora: Object.fromEntries(results.flatMap((r) => r.per.map((p) => [`${r.group.id}/${p.id}`, figures(p.stats)]))),
  };

  if (values.json) {
    console.log(
      JSON.stringify(
        { ...current, perRule: Object.fromEntries(results.map((r) => [r.group.id, r.all.perRule])) },
        null,
        2,
      ),
    );
  } else {
    console.log(
      `Rules: ${built.counts.rules} (${Object.entries(built.counts.byKind)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}); corpora from ${corpusDir}; ${secs.toFixed(1)} s\n`,
    );
    for (const r of results) {
      const g = r.group;
      const f = figures(r.all);
      const t = g.target;
      console.log(
        `== ${g.id}: ${g.title}  [target ${t.metric === 'low' ? '>= low' : t.metric === 'medium' ? '>= medium' : 'high'} ${t.op} ${t.value}%${t.note ? `, ${t.note}` : ''}: ${meets(g, f) ? 'met' : 'NOT met'}]`,
      );
      console.log(
        table(
          ['corpus', 'rows', 'n (dedup)', '% >=low', '% >=medium', '% high', '% job-offer'],
          [
            ...r.per.map((p) => [
              p.id,
              p.rows,
              p.stats.n,
              pct(p.stats.atLeastLow, p.stats.n).toFixed(2),
              pct(p.stats.atLeastMedium, p.stats.n).toFixed(2),
              pct(p.stats.high, p.stats.n).toFixed(2),
              pct(p.stats.jobOffer, p.stats.n).toFixed(2),
            ]),
            [
              'ALL',
              r.per.reduce((a, p) => a + p.rows, 0),
              f.n,
              f.low.toFixed(2),
              f.medium.toFixed(2),
              f.high.toFixed(2),
              pct(r.all.jobOffer, f.n).toFixed(2),
            ],
          ],
        ),
      );
      console.log('');
    }
    const ruleIds = [...new Set(results.flatMap((r) => Object.keys(r.all.perRule)))].sort();
    console.log('== Rule fires per group (texts, % of group)');
    console.log(
      ruleIds.length
        ? table(
            ['rule', ...results.map((r) => r.group.id)],
            ruleIds.map((id) => [
              id,
              ...results.map((r) => {
                const k = r.all.perRule[id] ?? 0;
                return k ? `${k} (${pct(k, r.all.n).toFixed(1)}%)` : '-';
              }),
            ]),
          )
        : 'No rule fired.',
    );
    console.log(
      '\nSkipped: id-jobs-jobstreet-snippets-2021 (150-character snippets), id-sms-spam-wibisono (no job scams).',
    );
    console.log(`\n${real.lines.join('\n')}`);
  }

  if (values.update) {
    mkdirSync(dirname(BASELINE_FILE), { recursive: true });
    writeFileSync(BASELINE_FILE, `${JSON.stringify(current, null, 2)}\n`);
    console.error(`eval: baseline written to ${BASELINE_FILE}`);
    return 0;
  }
  if (values.check) {
    if (!existsSync(BASELINE_FILE)) {
      console.error(`eval: no baseline at ${BASELINE_FILE}; run npm run eval -- --update`);
      return 1;
    }
    const base = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
    const tol = base.tolerancePp ?? TOLERANCE_PP;
    const problems: string[] = [...real.problems];
    for (const [id, g] of Object.entries(real.groups)) {
      problems.push(...compare(g.kind, id, g.figures, base.groups[id], tol));
    }
    for (const r of results) {
      problems.push(...compare(r.group.kind, r.group.id, current.groups[r.group.id], base.groups[r.group.id], tol));
      for (const p of r.per) {
        const key = `${r.group.id}/${p.id}`;
        problems.push(...compare(r.group.kind, key, current.corpora[key], base.corpora[key], tol));
      }
    }
    if (problems.length) {
      console.error(`\neval --check: ${problems.length} regression(s) beyond ${tol} pp:`);
      for (const p of problems) console.error(`  ${p}`);
      return 1;
    }
    console.error(`\neval --check: no regression beyond ${tol} pp against ${BASELINE_FILE}`);
  }
  return 0;
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
