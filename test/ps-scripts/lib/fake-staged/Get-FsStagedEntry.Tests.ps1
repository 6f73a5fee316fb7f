BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'Get-FsStagedEntry (staged probe library)' {
    It 'reads a key case-insensitively' {
        $null = Set-FsTestStateFile -State @{ registry = @{ 'HKLM:\SOFTWARE\X' = @{ V = 1 } } }
        (Get-FsStagedEntry -Section registry -Key 'hklm:\software\x')['V'] | Should -Be 1
    }

    It 'throws the staged message for an entry staged as { "error": ... }' {
        $null = Set-FsTestStateFile -State @{ registry = @{ 'HKLM:\SOFTWARE\X' = @{ error = 'access denied' } } }
        { Get-FsStagedEntry -Section registry -Key 'HKLM:\SOFTWARE\X' } | Should -Throw 'access denied'
    }

    It 'throws for a whole section staged as failing' {
        $null = Set-FsTestStateFile -State @{ clock = @{ error = 'w32tm: access denied' } }
        { Get-FsClockSample } | Should -Throw 'w32tm: access denied'
    }

    It 'reloads when FLEET_SCAN_STAGED_STATE names another file' {
        $null = Set-FsTestStateFile -State @{ psVersion = '4.0' }
        Get-FsPSVersion | Should -Be '4.0'
        $null = Set-FsTestStateFile -State @{ psVersion = '5.1.1' }
        Get-FsPSVersion | Should -Be '5.1.1'
    }
}
