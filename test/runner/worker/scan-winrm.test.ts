// scan-winrm.ps1 in real pwsh. New-PSSession cannot open a WinRM session from Linux and pwsh on Linux has
// no WinRM timeouts on New-PSSessionOption, so fakes stand in for both (FakeWinRmNewPSSession and
// FakeWinRmNewPSSessionOption, aliased over the cmdlets) and record the parameters they were given.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runPwshScript } from '../../helpers/pwsh.js';

const SCRIPT = path.join(REPO, 'src', 'runner', 'worker', 'scan-winrm.ps1');
const SECRET = 'H8-winrm-Pa55word-do-not-print';

/** Runs scan-winrm.ps1 with the fakes; prints the recorded call as JSON after the script's own output. */
function runWithFakes(options: { userName: string; newSessionThrows?: boolean }) {
  const script = `
$ErrorActionPreference = 'Stop'
$global:FakeWinRmCall = $null
function FakeWinRmNewPSSession {
  param([string[]]$ComputerName, [int]$Port, [switch]$UseSSL, [pscredential]$Credential, $SessionOption)
  $global:FakeWinRmCall = [ordered]@{
    parameters = @($PSBoundParameters.Keys | Sort-Object)
    computerName = @($ComputerName)
    port = $Port
    useSsl = [bool]$UseSSL
    user = $(if ($Credential) { $Credential.UserName } else { $null })
    passwordIsTheSecret = $(if ($Credential) { $Credential.GetNetworkCredential().Password -eq $env:FS_H8_SECRET } else { $false })
    openTimeout = $SessionOption.OpenTimeout.TotalMilliseconds
    operationTimeout = $SessionOption.OperationTimeout.TotalMilliseconds
    cancelTimeout = $SessionOption.CancelTimeout.TotalMilliseconds
  }
  if (${options.newSessionThrows ? '$true' : '$false'}) { throw 'WinRM cannot complete the operation: the fake endpoint refused' }
  [pscustomobject]@{ FakeWinRmSession = $true }
}
function FakeWinRmNewPSSessionOption {
  # The WinRM timeouts of Windows PowerShell's New-PSSessionOption, in milliseconds.
  param([int]$OpenTimeout, [int]$OperationTimeout, [int]$CancelTimeout)
  [pscustomobject]@{ FakeWinRmOption = $true; OpenTimeout = [timespan]::FromMilliseconds($OpenTimeout)
    OperationTimeout = [timespan]::FromMilliseconds($OperationTimeout); CancelTimeout = [timespan]::FromMilliseconds($CancelTimeout) }
}
Set-Alias -Name New-PSSession -Value FakeWinRmNewPSSession -Scope Global
Set-Alias -Name New-PSSessionOption -Value FakeWinRmNewPSSessionOption -Scope Global
$sessionCode = 'function Invoke-FsPackInSession { param($Session, $Bundle, $Payload) Write-Output ("FAKE-INVOKE session=" + $Session.FakeWinRmSession + " bundle=" + $Bundle + " payload=" + $Payload) }'
$params = @{ ComputerName = 'win01.contoso.local'; Port = 5986; UseSsl = $true; UserName = '${options.userName}'; Secret = $env:FS_H8_SECRET
             ConnectMs = 7000; OperationMs = 45000; Bundle = '# bundle'; Payload = 'cGF5bG9hZA=='; SessionCode = $sessionCode }
& ([scriptblock]::Create((Get-Content -Raw -LiteralPath '${SCRIPT}'))) @params
# The recorded parameters must form one parameter set of the real cmdlet.
$real = Get-Command -Name New-PSSession -CommandType Cmdlet
$fits = @($real.ParameterSets | Where-Object { $set = $_; -not @($global:FakeWinRmCall.parameters | Where-Object { $set.Parameters.Name -notcontains $_ }) } | ForEach-Object Name)
$global:FakeWinRmCall['realParameterSets'] = $fits
Write-Output ('CALL ' + (ConvertTo-Json -InputObject $global:FakeWinRmCall -Depth 4 -Compress))
`;
  return runPwshScript(script, { env: { FS_H8_SECRET: SECRET } });
}

function parse(stdout: string) {
  const line = stdout.split('\n').find((l) => l.startsWith('CALL '));
  if (!line) throw new Error(`no recorded call in: ${stdout}`);
  return JSON.parse(line.slice(5));
}

describe('scan-winrm.ps1', () => {
  it('opens the session with -ComputerName, -Port 5986, -UseSSL, a credential built from the secret and the timeouts, then runs the pack in it', async () => {
    const run = await runWithFakes({ userName: 'CONTOSO\\svc-scan' });
    expect(run.code, run.stderr).toBe(0);
    const call = parse(run.stdout);
    expect(call.parameters).toEqual(['ComputerName', 'Credential', 'Port', 'SessionOption', 'UseSSL']);
    expect(call.computerName).toEqual(['win01.contoso.local']);
    expect(call.port).toBe(5986);
    expect(call.useSsl).toBe(true);
    expect(call.user).toBe('CONTOSO\\svc-scan');
    expect(call.passwordIsTheSecret).toBe(true);
    expect(call.openTimeout).toBe(7000);
    expect(call.operationTimeout).toBe(45000);
    expect(call.cancelTimeout).toBe(5000);
    expect(call.realParameterSets).toContain('ComputerName');
    expect(run.stdout).toContain('FAKE-INVOKE session=True bundle=# bundle payload=cGF5bG9hZA==');
  });

  it('never writes the secret to any output stream', async () => {
    const run = await runWithFakes({ userName: 'CONTOSO\\svc-scan' });
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const failed = await runWithFakes({ userName: 'CONTOSO\\svc-scan', newSessionThrows: true });
    expect(failed.stdout + failed.stderr).not.toContain(SECRET);
  });

  it('passes no credential when the inventory names no user (integrated authentication)', async () => {
    const run = await runWithFakes({ userName: '' });
    const call = parse(run.stdout);
    expect(call.parameters).not.toContain('Credential');
    expect(call.user).toBeNull();
  });

  it('reports a session that cannot open as one connect-failed stage line with the message', async () => {
    const run = await runWithFakes({ userName: 'CONTOSO\\svc-scan', newSessionThrows: true });
    const stages = run.stdout.split('\n').filter((l) => l.startsWith('FSSTAGE'));
    expect(stages).toEqual(['FSSTAGE connect-failed WinRM cannot complete the operation: the fake endpoint refused']);
    expect(run.stdout).not.toContain('FAKE-INVOKE');
  });
});
