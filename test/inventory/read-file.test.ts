import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInventoryText } from '../../src/inventory/read-file.js';
import { InventoryError } from '../../src/inventory/problems.js';
import { tempFolder } from './temp-files.js';

const { dir, write } = tempFolder();

describe('readInventoryText', () => {
  it('drops a UTF-8 BOM', async () => {
    expect(await readInventoryText(write('bom.txt', '\uFEFFfs01\n'))).toBe('fs01\n');
  });

  it('decodes UTF-16 little- and big-endian files by their BOM', async () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('fs01é\n', 'utf16le')]);
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('fs01é\n', 'utf16le').swap16()]);
    expect(await readInventoryText(write('le.txt', little))).toBe('fs01é\n');
    expect(await readInventoryText(write('be.txt', big))).toBe('fs01é\n');
  });

  it('a missing file is an InventoryError of one line', async () => {
    const file = join(dir, 'missing.txt');
    await expect(readInventoryText(file)).rejects.toEqual(new InventoryError([`${file}: cannot read: no such file`]));
  });
});
