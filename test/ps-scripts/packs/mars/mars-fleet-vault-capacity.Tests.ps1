BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1')
    function New-FsFleet([int]$Count, [hashtable]$Extra = @{}) {
        @(for ($i = 1; $i -le $Count; $i++) {
            $vars = @{ vaultName = 'rsv-files' }
            foreach ($k in $Extra.Keys) { $vars[$k] = $Extra[$k] }
            @{ name = ('fs{0:d2}' -f $i); cloud = 'public'; status = 'ok'; vars = $vars; facts = @{} }
        })
    }
}

Describe 'mars-fleet-vault-capacity (fleet check)' {
    It 'passes 40 hosts mapped to rsv-files' {
        $r = Invoke-FsTestFleet -Id 'mars-fleet-vault-capacity' -Hosts (New-FsFleet 40)
        $r.Count | Should -Be 40
        $r['fs01'].status | Should -Be 'pass'
        $r['fs01'].evidence | Should -Be @('vault rsv-files: 40 inventory hosts + 0 already registered = 40 <= 50')
    }

    It 'warns every host when 51 hosts map to rsv-files' {
        $r = Invoke-FsTestFleet -Id 'mars-fleet-vault-capacity' -Hosts (New-FsFleet 51)
        @($r.Values | Where-Object { $_.status -eq 'warn' }).Count | Should -Be 51
        $r['fs51'].evidence | Should -Be @('vault rsv-files: 51 inventory hosts + 0 already registered = 51 > 50')
    }

    It 'counts machines already registered to the vault' {
        $r = Invoke-FsTestFleet -Id 'mars-fleet-vault-capacity' -Hosts (New-FsFleet 40 @{ alreadyRegisteredCount = 15 })
        $r['fs01'].status | Should -Be 'warn'
        $r['fs01'].summary | Should -Be 'Vault rsv-files would hold 55 machines (limit 50)'
    }
}
