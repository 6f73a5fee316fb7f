BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-powershell-version (staged probes)' {
    It 'passes with Windows PowerShell 5.1' {
        $s = Get-FsTestState
        $s.psVersion = '5.1.17763.1'
        $r = Invoke-FsTestPack -Id 'mars-powershell-version' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('PowerShell 5.1.17763.1 >= 5.0')
    }

    It 'fails with Windows PowerShell 4.0' {
        $s = Get-FsTestState
        $s.psVersion = '4.0'
        $r = Invoke-FsTestPack -Id 'mars-powershell-version' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('PowerShell 4.0 < 5.0')
    }

    It 'fails with Windows PowerShell 2.0 and says scheduled backups break too' {
        $s = Get-FsTestState
        $s.psVersion = '2.0'
        $r = Invoke-FsTestPack -Id 'mars-powershell-version' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('PowerShell 2.0 < 5.0; below 3.0 scheduled backups also fail')
    }
}
