BeforeAll {
    . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1')
    $script:Start = ConvertTo-FsUtcDate -Value '2026-11-25T08:00:00Z'
    function New-FsClockContext([hashtable]$Extra = @{}) {
        $c = @{ ControllerUtc = $script:Start; Facts = @{ installed = $true; hostClockUtc = '2026-11-25T08:00:20.0000000Z' } }
        foreach ($k in $Extra.Keys) { $c[$k] = $Extra[$k] }
        $c
    }
}

Describe 'Get-FsClockReading (the clock probe mocked)' {
    BeforeEach { Mock Get-FsClockSample { @{ hostUtc = '2026-11-25T08:00:31.0000000Z'; timeZoneId = 'UTC'; w32timeStatus = 'Running'; w32timeSource = 'dc01' } } }

    It 'a slow SSH connect reads as skew: against controllerUtc alone the 20 s of connect time count as "ahead", and the evidence says so' {
        $r = Get-FsClockReading -Context (New-FsClockContext)
        $r.offsetSeconds | Should -Be 20
        $r.hostSource | Should -Be 'sampled by mars-agent-detect'
        $r.referenceSource | Should -Be 'controller, stamped before connecting'
        $r.uncertainty | Should -BeLike '*includes the connection time*'
    }

    It 'measures against the controller''s send time when the payload gives controllerSentUtc' {
        $r = Get-FsClockReading -Context (New-FsClockContext @{ ControllerSentUtc = '2026-11-25T08:00:19.500Z' })
        $r.offsetSeconds | Should -Be 0
        $r.referenceSource | Should -Be 'controller, as it sent the payload'
    }

    It 'adds connectMs to controllerUtc when only the connect time is given' {
        $r = Get-FsClockReading -Context (New-FsClockContext @{ ConnectMs = 18000 })
        $r.offsetSeconds | Should -Be 2
        $r.referenceUtc | Should -Be '2026-11-25T08:00:18.0000000Z'
    }

    It 'uses the earliest sample (mars-agent-detect''s), not the later one of the check itself' {
        (Get-FsClockReading -Context (New-FsClockContext)).hostUtc | Should -Be '2026-11-25T08:00:20.0000000Z'
    }

    It 'falls back to its own sample, and names it, when there is no earlier one' {
        $c = New-FsClockContext
        $c.Facts = $null
        $r = Get-FsClockReading -Context $c
        $r.offsetSeconds | Should -Be 31
        $r.hostSource | Should -Be 'sampled by this check (no earlier sample)'
    }
}
