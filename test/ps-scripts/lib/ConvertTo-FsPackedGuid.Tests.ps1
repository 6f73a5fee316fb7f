BeforeAll { . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1') }

Describe 'ConvertTo-FsPackedGuid' {
    It 'packs a product code the way Windows Installer names its registry keys' {
        ConvertTo-FsPackedGuid '{90120000-0011-0000-0000-0000000FF1CE}' | Should -Be '00002109110000000000000000F01FEC'
    }
}
