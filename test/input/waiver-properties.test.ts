// Property tests of the waiver file reader (JSON and CSV): no content crashes it, every problem is one
// line naming the file, the entry or row and the field (or saying what the whole file must be), and a
// valid waiver file read back gives exactly the waivers written, whether JSON or CSV.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWaivers } from '../../src/policy/waivers.js';
import { WAIVER_FIELDS } from '../../src/record/waiver-file.js';
import { nastyText, oneLineProblems, toCsv } from './helpers/generators.js';

// A fixed seed: CI sees the same cases every run, and a failure names the seed that shows it.
fc.configureGlobal({ seed: 20261201 });

const dir = mkdtempSync(path.join(tmpdir(), 'fs-waiver-props-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(ext: string, content: string | Uint8Array): string {
  const file = path.join(dir, `w${n++}${ext}`);
  writeFileSync(file, content);
  return file;
}

const FIELD = `(${WAIVER_FIELDS.join('|')}|row)`;
// `entry 3 (expires): not a date ...; (owner): required` or `row 4 (host): required`; or the whole file.
const ROW_PROBLEM = new RegExp(`^(entry|row) \\d+ \\(${FIELD}\\): .+$`);
const FILE_PROBLEM = /^(cannot read|not valid JSON|not valid CSV|expected a JSON array of waivers|row 1: missing columns? )/;

function expectPlacedErrors(file: string, errors: readonly string[]): void {
  oneLineProblems(errors);
  const name = path.basename(file);
  for (const line of errors) {
    expect(line.startsWith(`${name}: `), line).toBe(true);
    const rest = line.slice(name.length + 2);
    expect(ROW_PROBLEM.test(rest) || FILE_PROBLEM.test(rest), line).toBe(true);
  }
}

const anyValue = fc.oneof(nastyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nastyText, { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const waiverish = fc.dictionary(fc.oneof(fc.constantFrom(...WAIVER_FIELDS), nastyText), anyValue, { maxKeys: 7 });

describe('the waiver reader never crashes', () => {
  it('any text in a .json or .csv file gives a result whose errors are one line each, saying where', () => {
    fc.assert(fc.property(nastyText, fc.constantFrom('.json', '.csv'), (text, ext) => {
      const file = write(ext, text);
      const loaded = loadWaivers(file);
      if (!loaded.ok) expectPlacedErrors(file, loaded.errors);
    }), { numRuns: 300 });
  });

  it('any bytes (UTF-16, NUL, invalid UTF-8) give a result, never a throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('.json', '.csv'), (bytes, ext) => {
      const file = write(ext, bytes);
      const loaded = loadWaivers(file);
      if (!loaded.ok) expectPlacedErrors(file, loaded.errors);
    }), { numRuns: 200 });
  });

  it('JSON entries of any shape give one line per bad entry, naming each bad field', () => {
    fc.assert(fc.property(fc.array(fc.oneof(waiverish, anyValue), { maxLength: 5 }), (entries) => {
      const file = write('.json', JSON.stringify(entries));
      const loaded = loadWaivers(file);
      if (!loaded.ok) expectPlacedErrors(file, loaded.errors);
    }), { numRuns: 300 });
  });

  it('CSV rows of nasty cells under any header give one line per bad row, naming each bad field', () => {
    const header = fc.shuffledSubarray([...WAIVER_FIELDS, 'ticket', 'Owner ', 'EXPIRES'], { minLength: 1 });
    fc.assert(fc.property(header, fc.array(fc.array(nastyText, { maxLength: 7 }), { maxLength: 5 }), fc.constantFrom('\n', '\r\n'), (head, rows, eol) => {
      const file = write('.csv', `\uFEFF${toCsv([head, ...rows], eol)}`);
      const loaded = loadWaivers(file);
      if (!loaded.ok) expectPlacedErrors(file, loaded.errors);
    }), { numRuns: 300 });
  });
});

const text = fc.stringMatching(/^[A-Za-z0-9*?@.-][A-Za-z0-9 *?@.,"'-]{0,20}[A-Za-z0-9*?@.-]$/);
const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const waiver = fc.record({ host: text, check: text, justification: text, owner: text, expires: date });

describe('a valid waiver file round-trips', () => {
  it('written as JSON or as CSV (any column order, extra columns), it reads back as the same waivers', () => {
    fc.assert(fc.property(fc.array(waiver, { minLength: 1, maxLength: 6 }), fc.shuffledSubarray([...WAIVER_FIELDS, 'ticket'], { minLength: 6 }), (waivers, columns) => {
      expect(loadWaivers(write('.json', JSON.stringify(waivers)))).toEqual({ ok: true, waivers });
      const rows = waivers.map((w) => columns.map((c) => (c === 'ticket' ? 'CHG-1' : w[c as keyof typeof w])));
      expect(loadWaivers(write('.csv', toCsv([columns, ...rows], '\r\n')))).toEqual({ ok: true, waivers });
    }), { numRuns: 200 });
  });
});
