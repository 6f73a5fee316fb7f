BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-dotnet-version (staged probes)' {
    BeforeAll { $key = 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' }

    It 'passes at release 528040 (.NET Framework 4.8)' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $key Release 528040
        $r = Invoke-FsTestPack -Id 'mars-dotnet-version' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('.NET release 528040 (4.8) >= 528040')
    }

    It 'fails at release 461808 (.NET Framework 4.7.2)' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $key Release 461808
        $r = Invoke-FsTestPack -Id 'mars-dotnet-version' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('.NET release 461808 (4.7.2) < 528040 (4.8)')
    }

    It 'fails when the NDP v4 Full key is missing' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $key -Remove
        $r = Invoke-FsTestPack -Id 'mars-dotnet-version' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('NDP\v4\Full Release absent')
    }

    It 'warns between the lowered floor dotnetMinimumRelease and 4.8' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $key Release 461808
        $r = Invoke-FsTestPack -Id 'mars-dotnet-version' -State $s -Vars @{ dotnetMinimumRelease = 379893 }
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('.NET release 461808 (4.7.2) >= 379893 but < 528040 (4.8)')
    }
}
