// Entry point of the `lokeraman` CLI (bin/lokeraman.mjs runs the built copy, or this file through tsx).
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): pending stdout writes (scan output into a pipe) must drain first.
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`lokeraman: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
