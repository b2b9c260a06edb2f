// Fast non-cryptographic hash for the verdict cache. Two FNV-1a lanes with different offsets give 53
// bits (a safe JS integer), so collisions stay negligible for the few thousand posts a tab ever shows,
// while costing one pass over the text, far below the engine's own work.
export function fnv1a53(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
  }
  h2 ^= h1 >>> 15;
  return (h2 & 0x1fffff) * 0x100000000 + (h1 >>> 0);
}
