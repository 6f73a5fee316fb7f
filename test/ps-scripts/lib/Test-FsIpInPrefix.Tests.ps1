BeforeAll { . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1') }

Describe 'Test-FsIpInPrefix' {
    It 'finds an address inside one of the prefixes' {
        Test-FsIpInPrefix -Address '172.20.1.5' -Prefix @('10.0.0.0/8', '172.16.0.0/12') | Should -BeTrue
        Test-FsIpInPrefix -Address '20.190.130.1' -Prefix @('20.190.128.0/18') | Should -BeTrue
    }

    It 'rejects an address outside every prefix, and IPv6' {
        Test-FsIpInPrefix -Address '20.38.1.1' -Prefix @('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16') | Should -BeFalse
        Test-FsIpInPrefix -Address '172.32.0.1' -Prefix @('172.16.0.0/12') | Should -BeFalse
        Test-FsIpInPrefix -Address 'fd00::1' -Prefix @('10.0.0.0/8') | Should -BeFalse
    }
}
