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
        $r.reason | Should -Be 'Microsoft Defender not present; other antivirus products cannot be inspected'
    }

    It 'is skipped when real-time protection is off' {
        $s = Get-FsTestState
        $s.defender.realtime = $false
        $r = Invoke-FsTestPack -Id 'mars-antivirus-exclusions' -State $s
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'Defender real-time protection is off'
    }
}
