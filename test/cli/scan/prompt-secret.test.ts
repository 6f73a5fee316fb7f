import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptSecret } from '../../../src/cli/scan/prompt-secret.js';

describe('promptSecret', () => {
  it('asks once, returns what was typed, and never shows it', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const answer = promptSecret('Password for CORP\\svc (FS_PW is not set): ', input, output);
    input.write('hunter2-secret\r\n');
    expect(await answer).toBe('hunter2-secret');
    // Only the question and the closing newline reach the terminal (and readline's cursor codes).
    expect(shown.replace(/\u001b\[\d*[A-Za-z]/g, '')).toBe('Password for CORP\\svc (FS_PW is not set): \n');
    expect(shown).not.toContain('hunter2');
  });
});
