BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsRegistryValue (Windows cmdlets mocked)' {
    BeforeAll { $key = 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' }

    It 'returns the value of an existing registry value' {
        Mock Test-Path { $true }
        Mock Get-ItemProperty { [pscustomobject]@{ Release = 528040; Version = '4.8.04161'; PSPath = 'x' } }
        Get-FsRegistryValue -Path $key -Name Release | Should -Be 528040
    }

    It 'returns $null for an absent value of an existing key' {
        Mock Test-Path { $true }
        Mock Get-ItemProperty { [pscustomobject]@{ Version = '4.8.04161' } }
        Get-FsRegistryValue -Path $key -Name Release | Should -BeNullOrEmpty
    }

    It 'returns $null without reading when the key is absent' {
        Mock Test-Path { $false }
        Mock Get-ItemProperty { throw 'must not be called' }
        Get-FsRegistryValue -Path $key -Name Release | Should -BeNullOrEmpty
        Should -Invoke Get-ItemProperty -Times 0
    }

    It 'returns every value of the key except the PS* provider properties when no name is given' {
        Mock Test-Path { $true }
        Mock Get-ItemProperty { [pscustomobject]@{ Release = 528040; PSPath = 'x'; PSChildName = 'Full' } }
        $values = Get-FsRegistryValue -Path $key
        @($values.Keys) | Should -Be @('Release')
    }

    It 'throws when the key cannot be read, so the check reports error' {
        Mock Test-Path { $true }
        Mock Get-ItemProperty { throw 'Requested registry access is not allowed.' }
        { Get-FsRegistryValue -Path $key -Name Release } | Should -Throw 'Requested registry access is not allowed.'
    }
}
