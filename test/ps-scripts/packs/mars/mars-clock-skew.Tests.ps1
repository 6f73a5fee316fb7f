BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-clock-skew (staged probes)' {
    It 'passes 4 s ahead with w32time running against a domain source' {
        $r = Invoke-FsTestPack -Id 'mars-clock-skew' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @(
            'clock off by 4 s (ahead of the controller) < 60 s',
            'host clock 2026-11-25T08:00:04.0000000Z (sampled by mars-agent-detect) against 2026-11-25T08:00:00.0000000Z (controller, stamped before connecting)',
            'uncertainty: includes the connection time and the host''s start-up, which can only add to "ahead"; "behind" is certain',
            'time zone W. Europe Standard Time',
            'w32time Running, source dc01.contoso.local')
    }

    It 'takes its own clock sample, and says so, when mars-agent-detect did not run' {
        $r = Invoke-FsTestPack -Id 'mars-clock-skew' -State (Get-FsTestState) -NoFacts
        $r.status | Should -Be 'pass'
        $r.evidence[1] | Should -BeLike '* (sampled by this check (no earlier sample)) against *'
    }

    It 'fails 600 s ahead' {
        $s = Get-FsTestState
        $s.clock.offsetSeconds = 600
        $r = Invoke-FsTestPack -Id 'mars-clock-skew' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be 'clock off by 600 s (ahead of the controller) >= 300 s'
    }

    It 'fails 400 s behind' {
        $s = Get-FsTestState
        $s.clock.offsetSeconds = -400
        $r = Invoke-FsTestPack -Id 'mars-clock-skew' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be 'clock off by 400 s (behind the controller) >= 300 s'
    }

    It 'warns 90 s ahead' {
        $s = Get-FsTestState
        $s.clock.offsetSeconds = 90
        $r = Invoke-FsTestPack -Id 'mars-clock-skew' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence[0] | Should -Be 'clock off by 90 s (ahead of the controller) >= 60 s'
    }

    It 'warns when the time source is the local CMOS clock' {
        $s = Get-FsTestState
        $s.clock.w32timeSource = 'Local CMOS Clock'
        $r = Invoke-FsTestPack -Id 'mars-clock-skew' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence[0] | Should -Be 'time source is Local CMOS Clock'
    }

    It 'warns when expectedTimeZone differs from the host time zone' {
        $r = Invoke-FsTestPack -Id 'mars-clock-skew' -State (Get-FsTestState) -Vars @{ expectedTimeZone = 'GMT Standard Time' }
        $r.status | Should -Be 'warn'
        $r.evidence[0] | Should -Be 'time zone W. Europe Standard Time, expected GMT Standard Time'
    }
}
