BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-vcredist-2008r2 (staged probes)' {
    BeforeAll {
        function New-Fs2008R2State {
            $s = Get-FsTestState
            $s.os = @{ version = '6.1.7601'; buildNumber = '7601'; caption = 'Microsoft Windows Server 2008 R2 Standard'; productType = 3; osArchitecture = '64-bit'; installationType = 'Server' }
            $s
        }
    }

    It 'is skipped on any OS other than Windows Server 2008 R2, naming the version' {
        $r = Invoke-FsTestPack -Id 'mars-vcredist-2008r2' -State (Get-FsTestState)
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'only applies to Windows Server 2008 R2; this host is version 10.0.20348'
    }

    It 'passes on 2008 R2 with the VC++ 2008 x64 Uninstall entry' {
        $s = New-Fs2008R2State
        Set-FsTestValue $s registry 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{8220EEFE-38CD-377E-8595-13398D740ACE}' DisplayName 'Microsoft Visual C++ 2008 Redistributable - x64 9.0.21022'
        $r = Invoke-FsTestPack -Id 'mars-vcredist-2008r2' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('Uninstall entry "Microsoft Visual C++ 2008 Redistributable - x64 9.0.21022"')
    }

    It 'fails on 2008 R2 without that Uninstall entry' {
        $r = Invoke-FsTestPack -Id 'mars-vcredist-2008r2' -State (New-Fs2008R2State)
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('version 6.1.7601, no Uninstall entry "Microsoft Visual C++ 2008 Redistributable - x64*"')
    }
}
