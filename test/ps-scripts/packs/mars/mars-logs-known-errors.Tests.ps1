BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-logs-known-errors (staged probes)' {
    It 'passes when the recent logs hold no documented error ID' {
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @($ip + '\Temp\CBEngineCurr.errlog written 1.0 days ago: no documented error ID')
    }

    It 'warns when CBUICurr.errlog written yesterday contains 34513, naming the check it maps to' {
        $s = Get-FsTestState
        $s.files[$ip + '\Temp\CBUICurr.errlog'] = @{ ageDays = 1; tailText = 'Register failed: Invalid vault credentials provided (ID: 34513)' }
        $r = Invoke-FsTestPack -Id 'mars-logs-known-errors' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain ($ip + '\Temp\CBUICurr.errlog (written 1.0 days ago) contains 34513 -> mars-vault-credentials-file')
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
    }
}
