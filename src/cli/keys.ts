// `lokeraman keys generate --out FILE [--owner NAME]`: a new Ed25519 maintainer key pair for signed rule
// updates. The private half stays in FILE (mode 600, never commit it); the public half is printed as the
// entry to add to release.config.json `trustedKeys` (with its custody), which ships in the next release.
import { generateKeyFile } from '../tooling/sign';
import { EXIT_OK, type Io, UsageError } from './util';

export const KEYS_HELP = `Usage: lokeraman keys generate --out FILE [--owner NAME]

Writes a new Ed25519 key pair to FILE (readable only by you) and prints the public entry to add to
release.config.json trustedKeys (add "custody": where FILE is kept). Sign rule updates with:
lokeraman rules sign --key FILE (or --key-env VAR in CI).
Keep FILE offline; anyone who has it can publish rules every user's browser will accept.`;

export async function runKeys(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    io.out(`${KEYS_HELP}\n`);
    return EXIT_OK;
  }
  if (sub !== 'generate')
    throw new UsageError(sub ? `unknown keys command: ${sub}` : 'missing keys command', KEYS_HELP);
  let out: string | undefined;
  let owner = 'LokerAman rules maintainer';
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--out') out = rest[++i];
    else if (rest[i] === '--owner') owner = rest[++i] ?? owner;
    else throw new UsageError(`unknown option: ${rest[i]}`, KEYS_HELP);
  }
  if (!out) throw new UsageError('--out FILE is required', KEYS_HELP);
  const entry = await generateKeyFile(out, owner);
  io.err(`lokeraman: wrote private key ${out} (mode 600). Do not commit it.\n`);
  io.out(`${JSON.stringify(entry, null, 2)}\n`);
  return EXIT_OK;
}
