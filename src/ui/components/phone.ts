// Phone numbers as people read them. The data keeps E.164 (+622129244800) for tel: links, which is
// unreadable on screen; the local spelling from the same official source ("(021) 2924 4800") carries
// the grouping, so the international form reuses it after the country code.

const CALLING_CODES = ['855', '856', '62', '63', '84', '66', '60', '95', '65', '852', '886', '966', '971', '1'];

/** "+62 21 2924 4800" from "+622129244800" and the local "(021) 2924 4800"; plain groups when they disagree. */
export function readablePhone(e164: string, local?: string | null): string {
  const digits = e164.replace(/\D/g, '');
  const code = CALLING_CODES.find((c) => digits.startsWith(c)) ?? digits.slice(0, 2);
  const national = digits.slice(code.length);
  if (local) {
    const localDigits = local.replace(/\D/g, '').replace(/^0/, '');
    if (localDigits === national) {
      const grouped = local
        .replace(/^\s*\(?0/, '')
        .replace(/[()]/g, '')
        .replace(/-/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (grouped.replace(/\D/g, '') === national) return `+${code} ${grouped}`;
    }
  }
  return `+${code} ${groups(national)}`;
}

/** Short numbers stay whole; longer ones in threes and fours from the right, as most hotlines print them. */
function groups(national: string): string {
  if (national.length <= 5) return national;
  const out: string[] = [];
  let rest = national;
  while (rest.length > 4) {
    const size = rest.length === 6 ? 3 : 4;
    out.unshift(rest.slice(-size));
    rest = rest.slice(0, -size);
  }
  out.unshift(rest);
  return out.join(' ');
}
