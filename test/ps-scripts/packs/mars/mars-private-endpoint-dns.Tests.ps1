BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-private-endpoint-dns (staged probes)' {
    BeforeAll { $fqdn = 'rsv-files.privatelink.weu.backup.windowsazure.com' }

    It 'is skipped unless privateEndpoint is true' {
        $r = Invoke-FsTestPack -Id 'mars-private-endpoint-dns' -State (Get-FsTestState)
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'privateEndpoint is false'
    }

    It 'passes when every FQDN resolves to 10.1.2.4 and port 443 is open' {
        $s = Get-FsTestState
        $s.net.dns = @{ $fqdn = @('10.1.2.4') }
        $r = Invoke-FsTestPack -Id 'mars-private-endpoint-dns' -State $s -Vars @{ privateEndpoint = $true; privateEndpointFqdns = @($fqdn) }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @($fqdn + ' -> 10.1.2.4, tcp 443 open')
    }

    It 'fails when an FQDN resolves to a public address' {
        $s = Get-FsTestState
        $s.net.dns = @{ $fqdn = @('20.38.1.1') }
        $r = Invoke-FsTestPack -Id 'mars-private-endpoint-dns' -State $s -Vars @{ privateEndpoint = $true; privateEndpointFqdns = @($fqdn) }
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @($fqdn + ' -> 20.38.1.1: not in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16')
    }

    It 'fails when an FQDN does not resolve' {
        $s = Get-FsTestState
        $s.net.dns = @{ $fqdn = 'NXDOMAIN' }
        $r = Invoke-FsTestPack -Id 'mars-private-endpoint-dns' -State $s -Vars @{ privateEndpoint = $true; privateEndpointFqdns = @($fqdn) }
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @($fqdn + ': dns NXDOMAIN')
    }

    It 'fails when privateEndpointFqdns is empty because nothing can be proven' {
        $r = Invoke-FsTestPack -Id 'mars-private-endpoint-dns' -State (Get-FsTestState) -Vars @{ privateEndpoint = $true }
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('privateEndpoint true, no privateEndpointFqdns given')
    }
}
