import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../../src/inventory/schema.js';
import { winrmSecrets } from '../../../src/cli/scan/winrm-secrets.js';
import { scratchDir, threeHostInventory } from '../helpers/scan-inputs.js';

let base: ResolvedHost;
beforeAll(async () => {
  base = (await threeHostInventory(scratchDir('winrm-secrets'))).hosts[0]!;
});
const winrm = (name: string, credentialEnv: string | undefined): ResolvedHost => ({ ...base, name, transport: 'winrm', user: 'CORP\\svc-scan', credentialEnv });

describe('winrmSecrets', () => {
  it('takes each WinRM password from the environment variable the inventory names', async () => {
    const secrets = await winrmSecrets([winrm('fs01', 'FS_PW'), winrm('fs02', 'FS_PW'), winrm('sql01', 'SQL_PW')], { env: { FS_PW: 'one', SQL_PW: 'two' } });
    expect([...secrets]).toEqual([['FS_PW', 'one'], ['SQL_PW', 'two']]);
  });

  it('asks once per unset variable when someone can answer, naming the user and the variable', async () => {
    const asked: string[] = [];
    const prompt = async (question: string) => {
      asked.push(question);
      return 'typed';
    };
    const secrets = await winrmSecrets([winrm('fs01', 'FS_PW'), winrm('fs02', 'FS_PW')], { env: {}, prompt });
    expect(asked).toEqual(['Password for CORP\\svc-scan (FS_PW is not set): ']);
    expect(secrets.get('FS_PW')).toBe('typed');
  });

  it('leaves out an unset variable when no one can answer, and ignores hosts that are not WinRM', async () => {
    const secrets = await winrmSecrets([winrm('fs01', 'FS_PW'), { ...base, credentialEnv: 'SSH_HAS_NONE' }, winrm('fs03', undefined)], { env: { SSH_HAS_NONE: 'x' } });
    expect(secrets.size).toBe(0);
  });

  it('never asks for a Kerberos host: it logs on with the controller\'s ticket', async () => {
    const asked: string[] = [];
    const prompt = async (question: string) => (asked.push(question), 'typed');
    const secrets = await winrmSecrets([{ ...winrm('fs01', 'FS_PW'), auth: 'kerberos' }], { env: {}, prompt });
    expect(asked).toEqual([]);
    expect(secrets.size).toBe(0);
  });
});
