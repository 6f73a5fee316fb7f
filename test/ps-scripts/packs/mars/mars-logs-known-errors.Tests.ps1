BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-logs-known-errors (staged probes)' {
    It 'passes when the recent logs hold no documented error ID' {
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @($ip + '\Temp\CBEngineCurr.errlog written 1.0 days ago: no documented error ID in its last 262144 bytes')
    }

    It 'warns when CBUICurr.errlog written yesterday contains 34513, naming the check it maps to' {
        $s = Get-FsTestState
        $s.files[$ip + '\Temp\CBUICurr.errlog'] = @{ ageDays = 1; tailText = 'Register failed: Invalid vault credentials provided (ID: 34513)' }
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain ($ip + '\Temp\CBUICurr.errlog (written 1.0 days ago) has error 34513 -> mars-vault-credentials-file: "Register failed: Invalid vault credentials provided (ID: 34513)"')
    }

    It 'does not take thread ids, counters or times for error IDs: bare 1612, 4024 and 34513 in a log line are not errors' {
        $s = Get-FsTestState
        $s.files[$ip + '\Temp\CBEngineCurr.errlog'] = @{ ageDays = 1; tailText = "1612`t34513`t11/24 10:40:24.4024`tINFO`tJob 100050 queued, 4024 files scanned" }
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State $s
        $r.status | Should -Be 'pass'
    }

    It 'finds the installer''s "Error 1612" and a hex activation error, quoting each log line' {
        $s = Get-FsTestState
        $s.files['C:\Windows\Temp\OBInstallerCurr.errlog'] = @{ ageDays = 2; tailText = "10:02 Installing MSI`r`nMSI (s) (A4:5C) Product: Microsoft Azure Recovery Services Agent -- Error 1612. The installation source for this product is not available.`r`n10:03 done" }
        $s.files[$ip + '\Temp\CBUICurr.errlog'] = @{ ageDays = 1; tailText = 'The activation did not complete successfully. The current operation failed due to an internal service error [0x1FC07].' }
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'C:\Windows\Temp\OBInstallerCurr.errlog (written 2.0 days ago) has error 1612 -> mars-agent-version: "MSI (s) (A4:5C) Product: Microsoft Azure Recovery Services Agent -- Error 1612. The installation source for this product is not available."'
        $r.evidence | Should -Contain ($ip + '\Temp\CBUICurr.errlog (written 1.0 days ago) has error 0x1FC07 -> mars-scratch-kek: "The activation did not complete successfully. The current operation failed due to an internal service error [0x1FC07]."')
    }

    It 'finds a proxy asking for credentials by its whole phrase' {
        $s = Get-FsTestState
        $s.files[$ip + '\Temp\CBUICurr.errlog'] = @{ ageDays = 1; tailText = 'WebException: The remote server returned an error: (407) Proxy Authentication Required.' }
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence[0] | Should -BeLike '*has error (407) -> mars-proxy-config:*'
    }

    It 'ignores a matching log older than logLookbackDays' {
        $s = Get-FsTestState
        $s.files[$ip + '\Temp\CBUICurr.errlog'] = @{ ageDays = 30; tailText = 'ID: 34513' }
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain ($ip + '\Temp\CBUICurr.errlog written 30.0 days ago: older than 7 days, not searched')
    }

    It 'is skipped when no log exists' {
        $s = Get-FsTestState
        $s.files.Remove($ip + '\Temp\CBEngineCurr.errlog')
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State $s
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'no agent or setup log exists on this host'
        $r.evidence | Should -Be @('no CBUICurr*, CBEngineCurr.errlog, OBInstaller*Curr.errlog or OBPatch.log in the agent logs under ' + $ip + '\Temp (Setup\InstallPath) and C:\Windows\Temp')
    }
}
