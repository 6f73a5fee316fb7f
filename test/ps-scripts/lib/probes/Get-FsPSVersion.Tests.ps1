BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsPSVersion (Windows cmdlets mocked)' {
    It 'reads the Windows PowerShell engine version from PowerShellEngine' {
        Mock Test-Path { $LiteralPath -like '*\PowerShell\3\PowerShellEngine' }
        Mock Get-ItemProperty { [pscustomobject]@{ PowerShellVersion = '5.1.17763.1' } }
        Get-FsPSVersion | Should -Be '5.1.17763.1'
    }

    It 'falls back to the 1\PowerShellEngine key of PowerShell 2.0' {
        Mock Test-Path { $LiteralPath -like '*\PowerShell\1\PowerShellEngine' }
        Mock Get-ItemProperty { [pscustomobject]@{ PowerShellVersion = '2.0' } }
        Get-FsPSVersion | Should -Be '2.0'
    }
}
