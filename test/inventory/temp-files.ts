import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { InventoryError } from '../../src/inventory/problems.js';

/** A temporary folder for one test file, removed after its tests; `write` puts a file in it and returns its path. */
export function tempFolder(): { dir: string; write: (name: string, content: string | Buffer | object) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-inventory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      const data = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2);
      writeFileSync(path, data);
      return path;
    },
  };
}

/** The problems a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InventoryError) return error.problems;
    throw error;
  }
  throw new Error('expected an InventoryError, but loading succeeded');
}
