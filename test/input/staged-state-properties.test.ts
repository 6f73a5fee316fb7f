// Property tests of the staged-state reader (`fleet-scan lab up --states DIR`): no state file crashes it,
// and every refusal is one line naming the file and the field (or where its JSON is broken).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readStateInventory } from '../../src/lab/lab-state.js';
import { REPO } from '../helpers/pwsh.js';
import { nastyText, oneLineProblems } from './helpers/generators.js';

// A fixed seed: CI sees the same cases every run, and a failure names the seed that shows it.
fc.configureGlobal({ seed: 20261201 });

const dir = mkdtempSync(path.join(tmpdir(), 'fs-state-props-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEALTHY = JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', 'states', 'healthy-public.json'), 'utf8')) as Record<string, unknown>;
const SECTIONS = Object.keys(HEALTHY);

let n = 0;
function refusal(content: string | Uint8Array): string | undefined {
  const file = path.join(dir, `state-${n++}.json`);
  writeFileSync(file, content);
  const read = readStateInventory(file);
  if (read.ok) return undefined;
  oneLineProblems([read.message]);
  expect(read.message.startsWith(`${path.basename(file)}: `), read.message).toBe(true);
  return read.message.slice(path.basename(file).length + 2);
}

const anyValue = fc.oneof(nastyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nastyText, { maxLength: 2 }), fc.object({ maxDepth: 2 }));

describe('the staged-state reader never crashes', () => {
  it('any text or bytes give a state or one line naming the file and where', () => {
    fc.assert(fc.property(fc.oneof(nastyText, fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
      const why = refusal(text);
      if (why !== undefined) expect(why).toMatch(/^(line \d+ column \d+: invalid JSON: |[^:]+: )/);
    }), { numRuns: 300 });
  });

  it('a real state with any one section replaced by any value is read, or refused naming that section', () => {
    fc.assert(fc.property(fc.constantFrom(...SECTIONS, 'registy', '__proto__'), anyValue, (section, value) => {
      const doc = { ...HEALTHY };
      Object.defineProperty(doc, section, { value, enumerable: true, writable: true, configurable: true });
      const why = refusal(JSON.stringify(doc));
      if (why !== undefined) expect(why.startsWith(`${section}`) || why.startsWith('(root): Unrecognized key'), why).toBe(true);
    }), { numRuns: 300 });
  });
});
