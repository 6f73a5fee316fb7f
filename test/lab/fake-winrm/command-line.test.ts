import { describe, expect, test } from 'vitest';
import { notRecognized, programFor, splitWindowsCommandLine } from '../../../src/lab/fake-winrm/command-line.js';

describe('splitWindowsCommandLine', () => {
  test.each([
    ['powershell.exe -NoProfile -EncodedCommand AAA=', ['powershell.exe', '-NoProfile', '-EncodedCommand', 'AAA=']],
    ['"C:\\Program Files\\x.exe" a  b', ['C:\\Program Files\\x.exe', 'a', 'b']],
    ['p "a b" c', ['p', 'a b', 'c']],
    ['p a\\\\\\"b', ['p', 'a\\"b']],
    ['p "a\\\\" b', ['p', 'a\\', 'b']],
    ['p a\\b\\c', ['p', 'a\\b\\c']],
    ['p "say ""hi"""', ['p', 'say "hi"']],
    ['C:\\dir\\p.exe x', ['C:\\dir\\p.exe', 'x']],
  ])('%s', (line, argv) => expect(splitWindowsCommandLine(line)).toEqual(argv));
});

describe('programFor', () => {
  const pwsh = { dotnet: '/usr/bin/dotnet', dll: '/x/pwsh.dll' };

  test.each(['powershell.exe', 'PowerShell', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'])(
    '%s runs the lab pwsh with the same arguments', (name) => {
      expect(programFor([name, '-NoProfile', '-Command', '-'], pwsh)).toEqual({ ok: true, file: '/usr/bin/dotnet', args: ['/x/pwsh.dll', '-NoProfile', '-Command', '-'] });
    });

  test('any other program is not found, in cmd.exe words', () => {
    expect(programFor(['ipconfig', '/all'], pwsh)).toEqual({ ok: false, name: 'ipconfig' });
    expect(notRecognized('ipconfig')).toBe("'ipconfig' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n");
  });
});
