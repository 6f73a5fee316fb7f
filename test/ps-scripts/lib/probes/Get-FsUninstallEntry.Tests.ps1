BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsUninstallEntry (Windows cmdlets mocked)' {
    It 'matches DisplayName in both Uninstall hives and skips entries without one' {
        Mock Test-Path { $true }
        Mock Get-ItemProperty { [pscustomobject]@{ DisplayName = 'Microsoft Azure Recovery Services Agent'; DisplayVersion = '2.0.9300.0'; UninstallString = 'MsiExec.exe /X{FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}'; PSChildName = '{FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}' }; [pscustomobject]@{ PSChildName = 'NoName' } } -ParameterFilter { $Path -like 'HKLM:\SOFTWARE\Microsoft\*' }
        Mock Get-ItemProperty { [pscustomobject]@{ DisplayName = 'Microsoft Visual C++ 2008 Redistributable - x64 9.0.21022'; PSChildName = 'vc' } } -ParameterFilter { $Path -like 'HKLM:\SOFTWARE\WOW6432Node\*' }
        $e = @(Get-FsUninstallEntry -DisplayName 'Microsoft Azure Recovery Services Agent')
        $e.Count | Should -Be 1
        $e[0].displayVersion | Should -Be '2.0.9300.0'
        @(Get-FsUninstallEntry -DisplayName 'Microsoft Visual C++ 2008 Redistributable - x64*').Count | Should -Be 1
    }

    It 'keeps the Uninstall key name, the product code of an MSI install, when UninstallString names none' {
        Mock Test-Path { $true }
        Mock Get-ItemProperty { [pscustomobject]@{ DisplayName = 'Microsoft Azure Recovery Services Agent'; DisplayVersion = '2.0.9300.0'; UninstallString = '"C:\Program Files\Microsoft Azure Recovery Services Agent\Setup\setup.exe" /uninstall'; PSChildName = '{FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}' } } -ParameterFilter { $Path -like 'HKLM:\SOFTWARE\Microsoft\*' }
        Mock Get-ItemProperty { } -ParameterFilter { $Path -like 'HKLM:\SOFTWARE\WOW6432Node\*' }
        $e = @(Get-FsUninstallEntry -DisplayName 'Microsoft Azure Recovery Services Agent')
        $e[0].key | Should -Be '{FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}'
        $e[0].uninstallString | Should -Not -Match '\{'
    }
}
