// Reads the first worksheet of an .xlsx file into rows keyed by the header row, so spreadsheet corpora
// (MagangHub's 1,765 internship ads) count in the evaluation. An .xlsx is a ZIP of XML parts; Node's
// zlib inflates the parts, and the cell XML is simple enough to read without an XML library.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { Row } from './corpus';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The files of a ZIP archive by name, found through its central directory. */
function unzip(buffer: Buffer): Map<string, () => Buffer> {
  let eocd = -1;
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes (its comment is at most 64 KB).
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_558); i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP file (no end of central directory)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const files = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error('corrupt ZIP central directory');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    files.set(name, () => {
      if (buffer.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw new Error(`corrupt ZIP entry ${name}`);
      const start = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
      const data = buffer.subarray(start, start + compressedSize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`ZIP entry ${name} uses unsupported compression ${method}`);
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) =>
    entity[0] === '#'
      ? String.fromCodePoint(entity[1]?.toLowerCase() === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1)))
      : (ENTITIES[entity.toLowerCase()] ?? _),
  );

/** Concatenated <t> texts inside a fragment (rich text runs are several <t>s). */
const textOf = (fragment: string) =>
  Array.from(fragment.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g), (match) => decodeXml(match[1] ?? '')).join('');

function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference.replace(/\d+$/, '')) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

export function readXlsx(path: string): Row[] {
  let files: Map<string, () => Buffer>;
  try {
    files = unzip(readFileSync(path));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = files.get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error(`${path}: no first worksheet (xl/worksheets/sheet1.xml)`);
  const shared = files.get('xl/sharedStrings.xml');
  const sharedStrings = shared
    ? Array.from(shared().toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g), (match) => textOf(match[1] ?? ''))
    : [];
  const table: string[][] = [];
  for (const row of sheet().toString('utf8').matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = [];
    for (const cell of (row[1] ?? '').matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1] ?? '';
      const body = cell[2] ?? '';
      const reference = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
      const type = /\bt="(\w+)"/.exec(attributes)?.[1];
      const value = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 'inlineStr') text = textOf(body);
      else if (type === 's') text = sharedStrings[Number(value)] ?? '';
      else text = decodeXml(value ?? '');
      cells[reference ? columnIndex(reference) : cells.length] = text;
    }
    table.push(cells);
  }
  const [header = [], ...body] = table;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
