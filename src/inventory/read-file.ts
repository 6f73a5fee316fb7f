import { readFile } from 'node:fs/promises';
import { fileErrorText } from '../record/file-error.js';
import { InventoryError } from './problems.js';

/** The text of an inventory file, UTF-8 or (as Excel's "Unicode text" saves it) UTF-16 with a BOM. */
export async function readInventoryText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InventoryError([`${file}: cannot read: ${fileErrorText(error)}`]);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
