// A minimal zip reader for tests: enough to read one part of an .xlsx (stored or deflated entries).
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** The text of the entry `name` in the zip file, or undefined when it has no such entry. */
export function readZipEntry(file: string, name: string): string | undefined {
  const zip = readFileSync(file);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_558); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip file`);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

/** The worksheet XML of the sheet named `sheetName` in an .xlsx file. */
export function readSheetXml(file: string, sheetName: string): string {
  const workbook = readZipEntry(file, 'xl/workbook.xml') ?? '';
  const rels = readZipEntry(file, 'xl/_rels/workbook.xml.rels') ?? '';
  const sheet = [...workbook.matchAll(/<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)].find((m) => m[1] === sheetName);
  if (!sheet) throw new Error(`no sheet named ${sheetName}`);
  const target = [...rels.matchAll(/<Relationship [^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"/g)].find((m) => m[1] === sheet[2])?.[2];
  if (!target) throw new Error(`no relationship for sheet ${sheetName}`);
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const xml = readZipEntry(file, path);
  if (xml === undefined) throw new Error(`no part ${path}`);
  return xml;
}
