BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1')
    function New-FsFleetHost([string]$Name, [string]$Computer, [string]$Vault = 'rsv-files', [string]$Cloud = 'public') {
        @{ name = $Name; cloud = $Cloud; status = 'ok'; vars = @{ vaultName = $Vault }; facts = @{ computerName = $Computer } }
    }
}

Describe 'mars-fleet-duplicate-names (fleet check)' {
    It 'passes two hosts FS01 and FS02 in vault rsv-files' {
        $r = Invoke-FsTestFleet -Id 'mars-fleet-duplicate-names' -Hosts @((New-FsFleetHost 'fs01' 'FS01'), (New-FsFleetHost 'fs02' 'FS02'))
        $r['fs01'].status | Should -Be 'pass'
        $r['fs02'].status | Should -Be 'pass'
        $r['fs01'].evidence | Should -Be @('COMPUTERNAME FS01 unique among 2 hosts of vault rsv-files')
    }

    It 'fails both hosts reporting COMPUTERNAME FS01 for rsv-files, case-insensitively' {
        $r = Invoke-FsTestFleet -Id 'mars-fleet-duplicate-names' -Hosts @((New-FsFleetHost 'fs01' 'FS01'), (New-FsFleetHost 'fs01-clone' 'fs01'), (New-FsFleetHost 'fs02' 'FS02'))
        $r['fs01'].status | Should -Be 'fail'
        $r['fs01-clone'].status | Should -Be 'fail'
        $r['fs02'].status | Should -Be 'pass'
        $r['fs01'].evidence | Should -Be @('COMPUTERNAME FS01 also reported by fs01-clone for vault rsv-files')
    }

    It 'fails every host of an image cloned onto 40 hosts of one vault, each naming ten of the others and how many more' {
        $clones = @(1..40 | ForEach-Object { New-FsFleetHost ('img{0:d2}' -f $_) 'GOLDIMG' })
        $r = Invoke-FsTestFleet -Id 'mars-fleet-duplicate-names' -Hosts $clones
        @($r.Values | ForEach-Object { $_.status } | Sort-Object -Unique) | Should -Be @('fail')
        $r['img01'].summary | Should -Be 'Computer name GOLDIMG is used by 40 hosts in vault rsv-files'
        $r['img01'].evidence | Should -Be @('COMPUTERNAME GOLDIMG also reported by img02, img03, img04, img05, img06, img07, img08, img09, img10, img11 and 29 more for vault rsv-files')
        $r['img05'].evidence | Should -Be @('COMPUTERNAME GOLDIMG also reported by img01, img02, img03, img04, img06, img07, img08, img09, img10, img11 and 29 more for vault rsv-files')
    }

    It 'names all the others, and no count, when there are ten of them' {
        $clones = @(1..11 | ForEach-Object { New-FsFleetHost ('img{0:d2}' -f $_) 'GOLDIMG' })
        $r = Invoke-FsTestFleet -Id 'mars-fleet-duplicate-names' -Hosts $clones
        $r['img11'].evidence | Should -Be @('COMPUTERNAME GOLDIMG also reported by img01, img02, img03, img04, img05, img06, img07, img08, img09, img10 for vault rsv-files')
    }

    It 'does not compare hosts of different vaults or clouds' {
        $r = Invoke-FsTestFleet -Id 'mars-fleet-duplicate-names' -Hosts @((New-FsFleetHost 'fs01' 'FS01'), (New-FsFleetHost 'cn01' 'FS01' 'rsv-files' 'china'), (New-FsFleetHost 'fs01b' 'FS01' 'rsv-other'))
        @($r.Values | ForEach-Object { $_.status } | Sort-Object -Unique) | Should -Be @('pass')
    }

    It 'skips a host whose computer name is unknown' {
        $h = New-FsFleetHost 'down01' $null
        $h.status = 'unreachable'
        $r = Invoke-FsTestFleet -Id 'mars-fleet-duplicate-names' -Hosts @($h)
        $r['down01'].status | Should -Be 'skipped'
        $r['down01'].reason | Should -Be 'computer name unknown: host status unreachable'
    }
}
