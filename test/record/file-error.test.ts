import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileErrorText } from '../../src/record/file-error.js';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('fileErrorText', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-file-error-'));

  it('says in words why a real file operation failed', () => {
    expect(fileErrorText(thrownBy(() => readFileSync(path.join(dir, 'missing.json'))))).toBe('no such file');
    expect(fileErrorText(thrownBy(() => readFileSync(dir)))).toBe('is a directory');
    const blocker = path.join(dir, 'file');
    writeFileSync(blocker, '');
    expect(fileErrorText(thrownBy(() => readFileSync(path.join(blocker, 'inside.json'))))).toBe('a file is in the way');
  });

  it('keeps a code it has no words for, and uses the first line of an error without a code', () => {
    expect(fileErrorText(Object.assign(new Error('too many'), { code: 'EMFILE' }))).toBe('EMFILE');
    expect(fileErrorText(new Error('stream closed\nat somewhere'))).toBe('stream closed');
  });
});
