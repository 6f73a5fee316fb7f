BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsOsInfo (Windows cmdlets mocked)' {
    It 'combines Win32_OperatingSystem with the InstallationType registry value' {
        Mock Get-CimInstance { [pscustomobject]@{ Version = '10.0.20348'; BuildNumber = '20348'; Caption = 'Microsoft Windows Server 2022 Datacenter'; ProductType = [uint32]3; OSArchitecture = '64-bit' } } -ParameterFilter { $ClassName -eq 'Win32_OperatingSystem' }
        Mock Test-Path { $true }
        Mock Get-ItemProperty { [pscustomobject]@{ InstallationType = 'Server Core' } }
        $os = Get-FsOsInfo
        $os.version | Should -Be '10.0.20348'
        $os.productType | Should -Be 3
        $os.productType | Should -BeOfType [int]
        $os.osArchitecture | Should -Be '64-bit'
        $os.installationType | Should -Be 'Server Core'
    }
}
