BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1')
    $script:HostChecks = @($global:FsPack['checks'] | Where-Object { $global:FsCheckRegistry[$_]['Metadata']['kind'] -eq 'host' })
    # Every check of the pack on one staged host, through the real entry point: id -> result.
    function Invoke-FsWholePack([hashtable]$State, [hashtable]$Vars, [switch]$NoFacts) {
        $ids = $script:HostChecks
        if ($NoFacts) { $ids = @($ids | Where-Object { $_ -ne 'mars-agent-detect' }) }
        $payload = New-FsTestPayload -State $State -Id $ids -Vars $Vars -Marker (New-FsTestMarker) -NoFacts:$NoFacts
        $results = @{}
        foreach ($r in @((Invoke-FsTestEntry -State $State -Payload $payload)['report']['results'])) { $results[$r['id']] = $r }
        $results
    }
    # Two hosts that make every probe-reading path of the pack run: an installing account to look up, then
    # private endpoints, SYSTEM's proxy and a second temp folder.
    $script:Variants = @(
        @{ name = 'healthy host, installAccount set'; vars = @{ installAccount = 'CONTOSO\svc-backup' }; edit = { param($s) $s } }
        @{ name = 'healthy host, private endpoints, proxy = system, SystemTemp present'; vars = @{ privateEndpoint = $true; privateEndpointFqdns = @('rsvfiles-ab-pod01-fc1.privatelink.weu.backup.windowsazure.com'); proxy = 'system' }; edit = {
                param($s)
                $s.net.dns = @{ 'rsvfiles-ab-pod01-fc1.privatelink.weu.backup.windowsazure.com' = @('10.1.2.4') }
                $s.dirs['C:\Windows\SystemTemp'] = @{ count = @{ '*.tmp' = 3; '*' = 5 } }
                $s.registry['Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'] = @{ ProxyEnable = 1; ProxyServer = 'proxy.contoso.local:8080' }
                $s
            }
        }
    )
    $script:Runs = @(foreach ($v in $script:Variants) {
        $healthy = & $v['edit'] (Get-FsTestState)
        $baseline = Invoke-FsWholePack -State $healthy -Vars $v['vars']
        # The same host when mars-agent-detect's facts never arrive: what a check may honestly say without them.
        $factless = Invoke-FsWholePack -State $healthy -Vars $v['vars'] -NoFacts
        $sections = @($healthy.Keys | Where-Object { @('$schema', 'description', 'inventory') -notcontains $_ } | Sort-Object)
        $broken = @{}
        foreach ($section in $sections) {
            $s = & $v['edit'] (Get-FsTestState)
            $s[$section] = @{ error = ('staged: ' + $section + ' unreadable') }
            $broken[$section] = Invoke-FsWholePack -State $s -Vars $v['vars']
        }
        @{ name = $v['name']; baseline = $baseline; factless = $factless; broken = $broken }
    })
}

Describe 'every mars check under failing probes (staged probes, the whole pack through the entry point)' {
    It 'never passes when a probe it depends on threw: a pass under a failing section is the result of the healthy host, with or without the agent facts' {
        $violations = @()
        foreach ($run in $script:Runs) {
            foreach ($section in @($run['broken'].Keys | Sort-Object)) {
                foreach ($id in $script:HostChecks) {
                    $r = $run['broken'][$section][$id]
                    if ($r['status'] -ne 'pass') { continue }
                    $seen = ConvertTo-FsJson @($r['summary'], $r['evidence'])
                    $same = $false
                    foreach ($reference in @($run['baseline'], $run['factless'])) {
                        if ($reference.Contains($id) -and $seen -eq (ConvertTo-FsJson @($reference[$id]['summary'], $reference[$id]['evidence']))) { $same = $true }
                    }
                    if (-not $same) { $violations += ($run['name'] + ': ' + $id + ' passes with ' + $section + ' unreadable: ' + $r['summary']) }
                }
            }
        }
        $violations | Should -BeNullOrEmpty
    }

    It 'turns a failing probe into error with the probe''s message wherever the check reads it' {
        $run = $script:Runs[0]
        $run['broken']['dirs']['mars-windows-temp-files']['status'] | Should -Be 'error'
        $run['broken']['dirs']['mars-windows-temp-files']['reason'] | Should -Be 'staged: dirs unreadable'
        $run['broken']['registry']['mars-agent-detect']['status'] | Should -Be 'error'
        $run['broken']['defender']['mars-antivirus-exclusions']['status'] | Should -Be 'error'
        $run['broken']['net']['mars-net-endpoints']['status'] | Should -Be 'error'
        $run['broken']['localGroups']['mars-local-admin']['status'] | Should -Be 'error'
    }

    It 'makes every check whose inputs were unreadable say so: no check turns a broken agent registry into a pass on assumed defaults' {
        $run = $script:Runs[0]
        foreach ($id in @('mars-install-dir-attributes', 'mars-cache-folder', 'mars-cache-free-space', 'mars-antivirus-exclusions', 'mars-logs-known-errors', 'mars-agent-installed', 'mars-scratch-kek')) {
            $run['broken']['registry'][$id]['status'] | Should -Be 'error' -Because $id
        }
    }

    It 'gives every judged result evidence and every skipped result a reason, on healthy hosts and broken ones' {
        $bare = @()
        foreach ($run in $script:Runs) {
            foreach ($results in @(@($run['baseline']) + @($run['broken'].Values))) {
                foreach ($id in $script:HostChecks) {
                    $r = $results[$id]
                    if (@('pass', 'warn', 'fail') -contains $r['status'] -and @($r['evidence']).Count -eq 0) { $bare += ($run['name'] + ': ' + $id + ' ' + $r['status'] + ' without evidence') }
                    if (@('skipped', 'error') -contains $r['status'] -and -not $r['reason']) { $bare += ($run['name'] + ': ' + $id + ' ' + $r['status'] + ' without a reason') }
                }
            }
        }
        $bare | Should -BeNullOrEmpty
    }

    It 'names every default a check assumed in its evidence' {
        $s = Get-FsTestState -Name 'no-agent-yet'
        $results = Invoke-FsWholePack -State $s -Vars @{}
        foreach ($id in @('mars-install-dir-attributes', 'mars-cache-folder', 'mars-cache-free-space', 'mars-antivirus-exclusions')) {
            (@($results[$id]['evidence']) -join ' | ') | Should -Match 'assumed: ' -Because $id
        }
    }
}
