// Command dispatch for the `lokeraman` CLI. Every command returns its exit code; usage errors exit 2.
import { CHECK_HELP, runCheck, runScan, SCAN_HELP } from './analyze';
import { EVAL_HELP, runEval } from './eval';
import { KEYS_HELP, runKeys } from './keys';
import { RELEASE_HELP, runRelease } from './release';
import { RULES_HELP, runRules } from './rules';
import { versionText } from '../tooling/prebuilt';
import { EXIT_OK, EXIT_USAGE, type Io, processIo, UsageError } from './util';
import { runVersion, VERSION_HELP } from './version';

export const MAIN_HELP = `Usage: lokeraman <command> [options]

Commands:
  check [FILE|-]          analyse one text and explain the verdict
  scan --jsonl FILE|-     analyse JSON lines {"id","text"}, one JSON verdict line out per line in
  rules <command>         validate | test | fmt [--check] | build | explain ID | schema
  eval --corpus PATH      rates of a corpus (JSONL/JSON/CSV), precision/recall with --label
  keys generate --out F   a new maintainer key pair for signing rule updates
  release config|check    the release configuration: write it for the build, or list what blocks a release
  version [bump X]        show the version, or bump package.json, manifest.json, lock file and CHANGELOG together

Run \`lokeraman <command> --help\` for the options of a command; \`lokeraman --version\` prints the
package and rule-set versions.
Exit codes: 0 ok, 1 findings or failures, 2 usage error.`;

const HELP: Record<string, string> = {
  check: CHECK_HELP,
  scan: SCAN_HELP,
  rules: RULES_HELP,
  eval: EVAL_HELP,
  keys: KEYS_HELP,
  release: RELEASE_HELP,
  version: VERSION_HELP,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        if (cmd === 'help' && rest[0] && HELP[rest[0]]) io.out(`${HELP[rest[0]]}\n`);
        else io.out(`${MAIN_HELP}\n`);
        return cmd === undefined ? EXIT_USAGE : EXIT_OK;
      case '--version':
        io.out(`${versionText()}\n`);
        return EXIT_OK;
      case 'check':
        return runCheck(rest, io);
      case 'scan':
        return await runScan(rest, io);
      case 'rules':
        return await runRules(rest, io);
      case 'eval':
        return runEval(rest, io);
      case 'keys':
        return await runKeys(rest, io);
      case 'release':
        return await runRelease(rest, io);
      case 'version':
        return runVersion(rest, io);
      default:
        throw new UsageError(`unknown command: ${cmd}`, MAIN_HELP);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`lokeraman: ${e.message}\n${e.help ? `\n${e.help}\n` : ''}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
