// Parsing YAML while keeping the node tree, so any error found later (zod issue, duplicate id, bad regex)
// can point at the exact line and column of the offending key or value in the author's file.
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface SourcePos {
  line: number;
  col: number;
}

export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  return { file, text, doc, lineCounter };
}

function posOfOffset(src: YamlSource, offset: number): SourcePos {
  const p = src.lineCounter.linePos(offset);
  return { line: p.line, col: p.col };
}

function nodeStart(n: Node | null | undefined): number | undefined {
  return n?.range ? n.range[0] : undefined;
}

/**
 * Position of the value at `path`. For a map entry the KEY's position is used: a block sequence value
 * starts on the line after its key, and authors look for the key. When the path goes beyond what exists
 * (a missing key), the deepest existing ancestor is reported.
 */
export function locate(src: YamlSource, path: readonly PropertyKey[]): SourcePos {
  let node: unknown = src.doc.contents;
  let offset = nodeStart(node as Node) ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyString(p.key) === String(seg));
      if (!pair) break;
      offset = nodeStart(pair.key as Node) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      offset = nodeStart(item as Node) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return posOfOffset(src, offset);
}

/** Position of a key inside the map at `path` (for "unknown key" errors). */
export function locateKey(src: YamlSource, path: readonly PropertyKey[], key: string): SourcePos {
  const parent = path.length === 0 ? src.doc.contents : src.doc.getIn(path as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && keyString(p.key) === key);
    const off = nodeStart(pair?.key as Node);
    if (off !== undefined) return posOfOffset(src, off);
  }
  return locate(src, path);
}

function keyString(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  if (typeof k === 'string' || typeof k === 'number') return String(k);
  return undefined;
}

export function yamlErrors(src: YamlSource): { message: string; pos: SourcePos }[] {
  return src.doc.errors.map((e) => {
    const lp = e.linePos?.[0] ?? posOfOffset(src, e.pos[0]);
    // The library appends a code excerpt after the first line; the CLI prints its own location.
    return { message: `${e.code}: ${e.message.split('\n')[0]}`, pos: { line: lp.line, col: lp.col } };
  });
}
