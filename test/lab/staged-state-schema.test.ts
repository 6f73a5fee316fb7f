import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stagedStateSchema, stagedStateJsonSchema } from '../../src/lab/staged-state-schema.js';
import { DEFAULT_ROOT, loadPack } from '../../src/checks/catalog.js';
import { validateVars } from '../../src/checks/pack-vars.js';

const schemaFile = path.join(DEFAULT_ROOT, 'ps-scripts', 'lib', 'fake-staged', 'staged-state.schema.json');
const stateDirs = [path.join(DEFAULT_ROOT, 'lab', 'states'), path.join(DEFAULT_ROOT, 'test', 'fixtures', 'states')];
const stateFiles = stateDirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)));
const pack = loadPack('mars');

describe('staged state schema', () => {
  it.each(stateFiles.map((f) => [path.relative(DEFAULT_ROOT, f), f]))('validates %s, including its inventory vars', (_name, file) => {
    const state = stagedStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(state.inventory).toBeDefined();
    expect(validateVars(pack, state.inventory?.vars)).toEqual([]);
  });

  it('ships at least 12 lab states with one host of each cloud', () => {
    const clouds = stateFiles.filter((f) => f.includes(`${path.sep}lab${path.sep}`)).map((f) => JSON.parse(readFileSync(f, 'utf8')).inventory.cloud);
    expect(clouds.length).toBeGreaterThanOrEqual(12);
    expect(new Set(clouds)).toEqual(new Set(['public', 'china', 'usgov']));
  });

  it('rejects a misspelled section and an invalid net answer, naming them', () => {
    const result = stagedStateSchema.safeParse({ description: 'broken state', os: { version: '10.0.20348', caption: 'x', productType: 3, osArchitecture: '64-bit' }, registy: {}, net: { tcp: { 'a:443': 'closed' } } });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.') + ' ' + ('keys' in i ? String(i.keys) : ''));
    expect(paths.join(' | ')).toMatch(/registy/);
    expect(paths.join(' | ')).toMatch(/net/);
  });

  it('matches the JSON Schema file beside the staged probes (FLEET_SCAN_WRITE_SCHEMA=1 regenerates it)', () => {
    const generated = JSON.stringify(stagedStateJsonSchema(), null, 2) + '\n';
    if (process.env.FLEET_SCAN_WRITE_SCHEMA === '1') writeFileSync(schemaFile, generated);
    expect(readFileSync(schemaFile, 'utf8')).toBe(generated);
  });
});

describe('e2e expectations (test/fixtures/expected-statuses.json)', () => {
  const expected = JSON.parse(readFileSync(path.join(DEFAULT_ROOT, 'test', 'fixtures', 'expected-statuses.json'), 'utf8')) as Record<string, Record<string, string>>;
  const fixtures = readdirSync(stateDirs[1]!).filter((f) => f.endsWith('.json')).sort();

  it('lists every fixture state and, for each, every check of the pack', () => {
    expect(Object.keys(expected).sort()).toEqual(fixtures);
    for (const statuses of Object.values(expected)) expect(Object.keys(statuses).sort()).toEqual(pack.checks.map((c) => c.id).sort());
  });

  it('has a healthy public and a healthy China host without any fail', () => {
    for (const name of ['healthy-public.json', 'healthy-china.json']) expect(Object.values(expected[name]!)).not.toContain('fail');
  });
});
