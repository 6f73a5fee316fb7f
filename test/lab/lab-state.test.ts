import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { hostNameFromStateFile, listStateFiles, planLabHosts, readStateInventory } from '../../src/lab/lab-state.js';

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-state-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// The least a staged state must say: what the machine is, and its OS.
const STATE = { description: 'a test machine', os: { version: '10.0.20348', caption: 'Windows Server 2022', productType: 3, osArchitecture: '64-bit' } };
const write = (name: string, doc: unknown) => {
  const file = path.join(root, name);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
};

describe('lab states', () => {
  test('a host is named from its state file, after the numeric prefix', () => {
    expect(hostNameFromStateFile('/x/01-fs01-healthy-public.json')).toBe('fs01');
    expect(hostNameFromStateFile('web02.json')).toBe('web02');
    expect(hostNameFromStateFile('/x/12-SQL01-no-agent.json')).toBe('sql01');
    expect(hostNameFromStateFile('/x/old-dotnet.json')).toBe('old-dotnet');
  });

  test('listStateFiles returns the JSON files in name order and leaves out schemas', () => {
    const dir = mkdtempSync(path.join(root, 'list-'));
    for (const f of ['02-b.json', '01-a.json', 'staged-state.schema.json', 'notes.md']) writeFileSync(path.join(dir, f), '{}');
    expect(listStateFiles(dir).map((f) => path.basename(f))).toEqual(['01-a.json', '02-b.json']);
    expect(listStateFiles(path.join(root, 'missing'))).toEqual([]);
  });

  test('the inventory object of a state file is read, and its absence is an empty one', () => {
    const withInv = write('with.json', { ...STATE, inventory: { cloud: 'china', tags: ['a'], vars: { v: 1 } } });
    expect(readStateInventory(withInv)).toEqual({ ok: true, value: { cloud: 'china', tags: ['a'], vars: { v: 1 } } });
    expect(readStateInventory(write('without.json', STATE))).toEqual({ ok: true, value: {} });
  });

  test('a state file that is not JSON is refused with its name', () => {
    const r = readStateInventory(write('broken.json', '{ nope'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('broken.json: line 1 column 3: invalid JSON: expected a property name in double quotes, got "nope"');
  });

  test('a state file the staged probe library could not read is refused in one line naming the file and the field', () => {
    expect(readStateInventory(write('typo.json', { ...STATE, registy: {} }))).toEqual({ ok: false, message: 'typo.json: (root): Unrecognized key: "registy"' });
    expect(readStateInventory(write('os.json', { ...STATE, os: { ...STATE.os, productType: 7 } }))).toMatchObject({ ok: false, message: expect.stringMatching(/^os\.json: os(\.productType)?: /) });
  });

  test('more hosts than states cycles the states, numbering later rounds; fewer takes the first', () => {
    const a = write('01-fs01-x.json', STATE);
    const b = write('02-web02-y.json', STATE);
    const five = planLabHosts([a, b], 5);
    expect(five.ok && five.value.map((h) => [h.name, path.basename(h.state)])).toEqual([
      ['fs01', '01-fs01-x.json'], ['web02', '02-web02-y.json'], ['fs01-2', '01-fs01-x.json'],
      ['web02-2', '02-web02-y.json'], ['fs01-3', '01-fs01-x.json'],
    ]);
    const one = planLabHosts([a, b], 1);
    expect(one.ok && one.value.map((h) => h.name)).toEqual(['fs01']);
  });

  test('two state files that name the same host still give unique host names', () => {
    const plan = planLabHosts([write('01-fs01-a.json', STATE), write('02-fs01-b.json', STATE)]);
    const names = plan.ok ? plan.value.map((h) => h.name) : [];
    expect(new Set(names).size).toBe(2);
    expect(names[0]).toBe('fs01');
  });
});
