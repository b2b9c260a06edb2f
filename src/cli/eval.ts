// `eval`: run a labelled or unlabelled corpus through the engine and report rates.
import { basename } from 'node:path';
import { fieldText, labelIsPositive, pickTextField, readCorpus } from '../tooling/corpus';
import { loadEngine } from '../tooling/engine-io';
import { evaluate, pct, precisionRecall, table } from '../tooling/evaluate';
import { formatError } from '../tooling/load';
import { EXIT_FINDINGS, EXIT_OK, type Io, parse, UsageError } from './util';

export const EVAL_HELP = `Usage: lokeraman eval --corpus PATH [--text FIELD] [--label FIELD] [--json]

Run every record of a corpus (.jsonl, .json array of objects, or .csv with quoted multi-line fields;
the format comes from the extension) through the engine and print per-rule flag counts and rates, and
the share of texts at risk >= low, >= medium and high. With --label, also precision and recall of
"risk >= medium" against the label (1/true/yes/fraud/scam/spam count as positive).

  --text FIELD       field holding the text (default: the first of text, description, job_description,
                     deskripsi, clean_text, isi, Text, teks, proof, content, body, message)
  --label FIELD      field holding the ground-truth label
  --delimiter C      CSV delimiter (default: guessed from the header line)
  --json             machine-readable output
  --rules DIR / --bundle FILE   as for check

Exit: 0 done, 1 rules failed to compile, 2 usage error.`;

export function runEval(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    {
      corpus: { type: 'string' },
      text: { type: 'string' },
      label: { type: 'string' },
      delimiter: { type: 'string' },
      json: { type: 'boolean' },
      rules: { type: 'string' },
      bundle: { type: 'string' },
    },
    EVAL_HELP,
  );
  if (values.help) {
    io.out(`${EVAL_HELP}\n`);
    return EXIT_OK;
  }
  const path = values.corpus ?? positionals[0];
  if (!path) throw new UsageError('eval needs --corpus PATH', EVAL_HELP);
  let rows: ReturnType<typeof readCorpus>;
  try {
    rows = readCorpus(path, { delimiter: values.delimiter });
  } catch (e) {
    throw new UsageError((e as Error).message, EVAL_HELP);
  }
  const field = pickTextField(rows, values.text);
  if (!field) throw new UsageError('no text field found; name it with --text FIELD', EVAL_HELP);
  if (rows.length > 0 && !(field in rows[0])) throw new UsageError(`field "${field}" not in the corpus`, EVAL_HELP);
  if (values.label && rows.length > 0 && !(values.label in rows[0])) {
    throw new UsageError(`label field "${values.label}" not in the corpus`, EVAL_HELP);
  }
  const loaded = loadEngine({ rulesDir: values.rules, bundleFile: values.bundle });
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err(`${formatError(e)}\n`);
    return EXIT_FINDINGS;
  }
  const engine = loaded.engine;
  const items = rows
    .map((r) => ({
      text: fieldText(r[field]),
      label: values.label ? labelIsPositive(r[values.label]) : undefined,
    }))
    .filter((it) => it.text.trim() !== '');
  const s = evaluate((t) => engine.analyze(t), items);
  const pr = s.confusion ? precisionRecall(s.confusion) : undefined;

  if (values.json) {
    io.out(
      `${JSON.stringify(
        {
          corpus: path,
          textField: field,
          n: s.n,
          skippedEmpty: rows.length - items.length,
          rate: { low: pct(s.atLeastLow, s.n), medium: pct(s.atLeastMedium, s.n), high: pct(s.high, s.n) },
          counts: { low: s.atLeastLow, medium: s.atLeastMedium, high: s.high, jobOffer: s.jobOffer },
          perRule: Object.fromEntries(
            Object.entries(s.perRule)
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .map(([id, k]) => [id, { count: k, rate: pct(k, s.n) }]),
          ),
          ...(s.confusion ? { confusion: s.confusion, precision: pr?.precision, recall: pr?.recall } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  }
  io.out(
    `${basename(path)}: ${s.n} texts (field "${field}"; ${rows.length - items.length} empty skipped), ${(s.ms / Math.max(1, s.n)).toFixed(2)} ms/text\n\n`,
  );
  io.out(
    `${table(
      ['risk', 'texts', '%'],
      [
        ['>= low', s.atLeastLow, pct(s.atLeastLow, s.n).toFixed(2)],
        ['>= medium', s.atLeastMedium, pct(s.atLeastMedium, s.n).toFixed(2)],
        ['high', s.high, pct(s.high, s.n).toFixed(2)],
        ['job offer (gate)', s.jobOffer, pct(s.jobOffer, s.n).toFixed(2)],
      ],
    )}\n\n`,
  );
  const perRule = Object.entries(s.perRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  io.out(
    perRule.length
      ? `${table(
          ['rule', 'fires', '%'],
          perRule.map(([id, k]) => [id, k, pct(k, s.n).toFixed(2)]),
        )}\n`
      : 'No rule fired.\n',
  );
  if (s.confusion && pr) {
    const f = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`);
    const c = s.confusion;
    io.out(
      `\nAt risk >= medium against "${values.label}": precision ${f(pr.precision)}, recall ${f(pr.recall)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}, tn ${c.tn})\n`,
    );
  }
  return EXIT_OK;
}
