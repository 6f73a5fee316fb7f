Describe 'Set-FsFixRegistryValue (Windows cmdlets mocked)' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../../../../ps-scripts/fixes/lib/Set-FsFixRegistryValue.ps1')
    }

    It 'creates a missing key, then writes the value with its type, never asking again or pretending under -WhatIf' {
        Mock Test-Path { $false }
        Mock New-Item { }
        Mock New-ItemProperty { }
        $WhatIfPreference = $true
        Set-FsFixRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -Type DWord | Should -Be 'wrote SchUseStrongCrypto'
        Should -Invoke New-Item -Times 1 -ParameterFilter { $Path -eq 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319' -and $Force -and -not $WhatIf -and -not $Confirm }
        Should -Invoke New-ItemProperty -Times 1 -ParameterFilter { $Name -eq 'SchUseStrongCrypto' -and $Value -eq 1 -and $PropertyType -eq 'DWord' -and $Force -and -not $WhatIf -and -not $Confirm }
    }

    It 'writes binary data as bytes and leaves an existing key alone' {
        Mock Test-Path { $true }
        Mock New-Item { }
        Mock New-ItemProperty { }
        Set-FsFixRegistryValue -Path 'HKLM:\X' -Name DefaultConnectionSettings -Value @(70, 0, 0, 0) -Type Binary | Out-Null
        Should -Invoke New-Item -Times 0
        Should -Invoke New-ItemProperty -Times 1 -ParameterFilter { $Value -is [byte[]] -and $Value.Length -eq 4 -and $PropertyType -eq 'Binary' }
    }
}
