// `lokeraman version [bump major|minor|patch|X.Y.Z]`: show or move the one version of the extension.
import { bundleVersion } from '../tooling/build';
import { bumpVersion, statedVersions } from '../tooling/version';
import { EXIT_FINDINGS, EXIT_OK, type Io, parse, UsageError } from './util';

export const VERSION_HELP = `Usage: lokeraman version                       show the version in every file
       lokeraman version bump major|minor|patch|X.Y.Z [--date YYYY-MM-DD]

bump writes the new version into package.json, manifest.json and package-lock.json, and turns the
"## Unreleased" section of CHANGELOG.md into "## X.Y.Z — date". The Firefox manifest and the rule-set
version (X.Y.Z+<build time>) follow package.json at the next build. Refuses when the files disagree or
the changelog has nothing under Unreleased.`;

export function runVersion(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { date: { type: 'string' } }, VERSION_HELP);
  if (values.help) {
    io.out(`${VERSION_HELP}\n`);
    return EXIT_OK;
  }
  const [sub, bump, ...extra] = positionals;
  if (sub === undefined) {
    for (const [file, version] of Object.entries(statedVersions())) io.out(`${file}: ${version}\n`);
    io.out(`rule set (next build): ${bundleVersion()}\n`);
    return EXIT_OK;
  }
  if (sub !== 'bump' || !bump || extra.length)
    throw new UsageError('expected: version bump major|minor|patch|X.Y.Z', VERSION_HELP);
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new UsageError('--date must be YYYY-MM-DD', VERSION_HELP);
  try {
    const result = bumpVersion(bump, { date: values.date });
    io.out(`version ${result.from} -> ${result.to}: ${result.files.join(', ')}\n`);
    io.out(
      `next: npm install --package-lock-only (keeps the lock file canonical), npm run build, commit "release ${result.to}"\n`,
    );
    return EXIT_OK;
  } catch (error) {
    io.err(`version: ${(error as Error).message}\n`);
    return EXIT_FINDINGS;
  }
}
