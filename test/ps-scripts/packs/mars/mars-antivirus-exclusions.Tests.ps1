BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-antivirus-exclusions (staged probes)' {
    It 'passes when Defender excludes Scratch, Bin and cbengine.exe' {
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
    }

    It 'accepts an excluded parent folder as covering both agent folders' {
        $s = Get-FsTestState
        $s.defender.exclusionPath = @($ip + '\*')
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State $s
        $r.status | Should -Be 'pass'
    }

    It 'warns with real-time protection on and no exclusions, naming what is missing' {
        $s = Get-FsTestState
        $s.defender.exclusionPath = @(); $s.defender.exclusionProcess = @()
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain ('not excluded: path ' + $ip + '\Scratch, path ' + $ip + '\Bin, process cbengine.exe')
    }

    It 'is skipped when Defender is not present' {
        $s = Get-FsTestState
        $s.defender = @{ present = $false }
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State $s
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'Microsoft Defender not present; other antivirus products cannot be inspected: exclude the agent folders and cbengine.exe there'
    }

    It 'is skipped when real-time protection is off in the live state' {
        $s = Get-FsTestState
        $s.defender.realtime = $false
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State $s
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'Defender real-time protection is off (live state): nothing scans the agent''s files as it writes them'
        $r.evidence | Should -Be @('Defender mode Normal, real-time protection off (live state)')
    }

    It 'Defender turned off by a third-party antivirus (its cmdlets fail with 0x800106ba) is skipped as not the active antivirus, not an error' {
        $s = Get-FsTestState
        $s.defender = @{ mode = 'not running' }
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State $s
        $r.status | Should -Be 'skipped'
        $r.summary | Should -Be 'Microsoft Defender is not the active antivirus'
        $r.reason | Should -BeLike 'Defender is not the active antivirus (Get-MpPreference failed with 0x800106ba*'
    }

    It 'Defender in passive mode beside another antivirus is skipped, naming the mode' {
        $s = Get-FsTestState
        $s.defender.mode = 'Passive Mode'
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State $s
        $r.status | Should -Be 'skipped'
        $r.evidence | Should -Be @('Defender mode Passive Mode, real-time protection on (live state)')
    }

    It 'warns, never passes, when Defender hides its exclusions from the scanning account' {
        $s = Get-FsTestState
        $s.defender.exclusionsHidden = 'N/A: Administrators are not allowed to view exclusions'
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'exclusions not readable: N/A: Administrators are not allowed to view exclusions'
    }

    It 'names where the folders it checked came from' {
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State (Get-FsTestState)
        $r.evidence | Should -Contain ('install folder ' + $ip + ' (Setup\InstallPath)')
        $r.evidence | Should -Contain ('cache folder ' + $ip + '\Scratch (Config\ScratchLocation)')
    }
}
