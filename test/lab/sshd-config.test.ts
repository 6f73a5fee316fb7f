import { describe, expect, test } from 'vitest';
import { renderSshdConfig, type SshdConfigSpec } from '../../src/lab/sshd-config.js';

const spec: SshdConfigSpec = {
  address: '127.0.1.2', port: 2222, hostKey: '/lab/hosts/a/hostkey', pidFile: '/lab/hosts/a/sshd.pid',
  authorizedKeysFile: '/lab/hosts/a/authorized_keys', subsystem: '/lab/bin/pwsh-sshs',
  setEnv: { SHLVL: '1', FLEET_SCAN_STAGED_STATE: '/lab/hosts/a/state.json' },
};

describe('renderSshdConfig', () => {
  test('allows public-key auth only, for root, without PAM', () => {
    const lines = renderSshdConfig(spec).split('\n');
    for (const line of ['PubkeyAuthentication yes', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no',
      'UsePAM no', 'PermitRootLogin prohibit-password', 'StrictModes no', 'UseDNS no', 'MaxStartups 100:30:200', 'MaxSessions 50']) {
      expect(lines).toContain(line);
    }
  });

  test('listens on the host address and port and names its own key, pid file and authorized keys', () => {
    const lines = renderSshdConfig(spec).split('\n');
    expect(lines).toEqual(expect.arrayContaining(['ListenAddress 127.0.1.2:2222', 'HostKey /lab/hosts/a/hostkey',
      'PidFile /lab/hosts/a/sshd.pid', 'AuthorizedKeysFile /lab/hosts/a/authorized_keys']));
  });

  test('sets the session environment on one SetEnv line and the powershell subsystem', () => {
    const lines = renderSshdConfig(spec).split('\n');
    expect(lines).toContain('SetEnv SHLVL=1 FLEET_SCAN_STAGED_STATE=/lab/hosts/a/state.json');
    expect(lines).toContain('Subsystem powershell /lab/bin/pwsh-sshs');
  });

  test('a host without a subsystem has no Subsystem line at all', () => {
    expect(renderSshdConfig({ ...spec, subsystem: null })).not.toMatch(/Subsystem/);
  });

  test('a SetEnv value with a space is refused, since sshd would split it', () => {
    expect(() => renderSshdConfig({ ...spec, setEnv: { X: 'a b' } })).toThrow(/SetEnv X/);
  });
});
