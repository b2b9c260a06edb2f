// `lokeraman release config|check`: the release configuration (release.config.json) as the build sees it.
import { resolve } from 'node:path';
import {
  formatProblems,
  loadReleaseConfig,
  RELEASE_CONFIG_FILE,
  releaseProblems,
  writeRuntimeRelease,
} from '../tooling/release-config';
import { displayPath } from '../tooling/load';
import { EXIT_FINDINGS, EXIT_OK, type Io, parse, UsageError } from './util';

export const RELEASE_HELP = `Usage: lokeraman release config|check [--config FILE] [--out DIR]

  config   schema-check the release configuration and write what the extension reads from it
           (src/generated/release.*.json, or --out DIR). Placeholders are allowed: a development
           build then starts with rule updates off. The first step of \`npm run build\`.
  check    list everything that stops a release: values starting with PLACEHOLDER, keys without a
           documented owner and custody, key ids that do not match their public key, no rules URL,
           no active key. Exit 1 when anything is listed. \`npm run release\` runs it first.

--config FILE defaults to $LOKERAMAN_RELEASE_CONFIG, else release.config.json.`;

export async function runRelease(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { config: { type: 'string' }, out: { type: 'string' } }, RELEASE_HELP);
  if (values.help) {
    io.out(`${RELEASE_HELP}\n`);
    return EXIT_OK;
  }
  const [sub, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument: ${extra[0]}`, RELEASE_HELP);
  if (sub !== 'config' && sub !== 'check') {
    throw new UsageError(sub ? `unknown release command: ${sub}` : 'missing release command', RELEASE_HELP);
  }
  const file = resolve(values.config || process.env.LOKERAMAN_RELEASE_CONFIG || RELEASE_CONFIG_FILE);
  const shown = displayPath(file);
  const loaded = loadReleaseConfig(file);
  if (!loaded.ok) {
    io.err(
      `${formatProblems(shown, loaded.problems)}\nrelease: ${shown} does not match the schema (src/tooling/release-config.ts)\n`,
    );
    return EXIT_FINDINGS;
  }
  const problems = await releaseProblems(loaded.config);
  if (sub === 'config') {
    const written = writeRuntimeRelease(loaded.config, problems, values.out ? resolve(values.out) : undefined);
    io.out(`release config ${shown} -> ${written.map(displayPath).join(', ')}\n`);
    if (problems.length) {
      io.out(
        `release config: development build (${problems.length} value${problems.length === 1 ? '' : 's'} not releasable; \`lokeraman release check\` lists them)\n`,
      );
    }
    return EXIT_OK;
  }
  if (problems.length) {
    io.err(`${formatProblems(shown, problems)}\n`);
    io.err(
      `release: refused, ${problems.length} thing${problems.length === 1 ? '' : 's'} to settle in ${shown} first (owners, keys, rotation: rules/README.md)\n`,
    );
    return EXIT_FINDINGS;
  }
  io.out(
    `release: ${shown} is releasable (${loaded.config.trustedKeys.filter((k) => !k.revoked).length} active key(s))\n`,
  );
  return EXIT_OK;
}
