export function sharedDir(env?: Record<string, string | undefined>, repoRoot?: string): string;
export function corpusGate(
  env?: Record<string, string | undefined>,
  repoRoot?: string,
): { run: boolean; corpusDir: string; line?: string };
