import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCorpus } from './corpus';

/** A minimal ZIP writer for the test: deflated entries, local headers, central directory. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = deflateRawSync(Buffer.from(content, 'utf8'));
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Buffer.byteLength(content), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(Buffer.byteLength(content), 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET = `<worksheet><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>posisi</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>kuota</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><r><t>Admin </t></r><r><t>Gudang</t></r></is></c><c r="B2" t="s"><v>1</v></c><c r="C2"><v>3</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>Staf &amp; Kasir &lt;Bandung&gt;</t></is></c><c r="C3"><v>12</v></c></row>
</sheetData></worksheet>`;
const SHARED = '<sst><si><t>deskripsi</t></si><si><t xml:space="preserve">Membantu stok &#x26; pengiriman</t></si></sst>';

describe('readCorpus on .xlsx', () => {
  it('reads the first sheet by header, with inline, shared, rich-text, numeric and missing cells', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lokeraman-xlsx-')), 'jobs.xlsx');
    writeFileSync(file, zip({ 'xl/worksheets/sheet1.xml': SHEET, 'xl/sharedStrings.xml': SHARED }));
    expect(readCorpus(file)).toEqual([
      { posisi: 'Admin Gudang', deskripsi: 'Membantu stok & pengiriman', kuota: '3' },
      { posisi: 'Staf & Kasir <Bandung>', deskripsi: '', kuota: '12' },
    ]);
  });

  it('names the file when it is not a spreadsheet', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lokeraman-xlsx-')), 'broken.xlsx');
    writeFileSync(file, 'not a zip');
    expect(() => readCorpus(file)).toThrow(/broken\.xlsx: not a ZIP/);
  });
});
