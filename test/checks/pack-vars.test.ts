import { describe, it, expect } from 'vitest';
import { loadPack } from '../../src/checks/catalog.js';
import { packVarsSchema, validateVars } from '../../src/checks/pack-vars.js';

const pack = loadPack('mars');

describe('validateVars', () => {
  it('accepts a valid host inventory entry', () => {
    expect(
      validateVars(pack, {
        vaultName: 'rsv-files', plannedBackupBytes: 2199023255552, systemStateBackup: false, storageProbeHosts: ['a.blob.core.windows.net'],
        proxy: { host: 'proxy.contoso.local', port: 8080, authRequired: false },
      }),
    ).toEqual([]);
  });

  it('names an unknown var', () => {
    expect(validateVars(pack, { vaultNmae: 'rsv-files' })).toEqual(['vars.vaultNmae: unknown var (pack mars has no var "vaultNmae")']);
  });

  it('names a var of the wrong type and the type it expects', () => {
    const problems = validateVars(pack, { plannedBackupBytes: '2 TB', storageProbeHosts: 'a.blob.core.windows.net' }).sort();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^vars\.plannedBackupBytes: expected number \(/);
    expect(problems[1]).toMatch(/^vars\.storageProbeHosts: expected string\[\] \(/);
  });

  it('accepts proxy as a string or an object, nothing else', () => {
    expect(validateVars(pack, { proxy: 'system' })).toEqual([]);
    expect(validateVars(pack, { proxy: { host: 'p', port: 3128 } })).toEqual([]);
    expect(validateVars(pack, { proxy: 42 })[0]).toMatch(/^vars\.proxy: expected string or object/);
  });

  it('treats null as not set', () => {
    expect(validateVars(pack, { vaultName: null })).toEqual([]);
  });
});

describe('packVarsSchema', () => {
  it('is strict and types every pack var', () => {
    const schema = packVarsSchema(pack);
    expect(schema.safeParse({ privateEndpoint: true }).success).toBe(true);
    expect(schema.safeParse({ privateEndpoint: 'yes' }).success).toBe(false);
    expect(schema.safeParse({ somethingElse: 1 }).success).toBe(false);
  });
});
