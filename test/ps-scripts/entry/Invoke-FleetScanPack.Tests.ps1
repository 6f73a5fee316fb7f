BeforeAll {
    . (Join-Path $PSScriptRoot '../helpers/Import-FsStaged.ps1')
    $marker = 'FS-1f2e3d4c5b6a7988'

    function Invoke-FsTestPack([hashtable]$State, [hashtable]$Payload = @{}) {
        $null = Set-FsTestStateFile -State $State
        $body = @{ host = 'fs01'; pack = 'mars'; checks = @(); cloud = $State.inventory.cloud; vars = $State.inventory.vars
                   controllerUtc = '2026-11-25T08:00:00.000Z'; checkBudgetMs = 20000; marker = $marker }
        foreach ($k in $Payload.Keys) { $body[$k] = $Payload[$k] }
        $b64 = ConvertTo-FsBase64Json -InputObject $body
        @(Invoke-FleetScanPack -PayloadBase64 $b64)
    }
    function ConvertFrom-FsTestLine([string]$Line) {
        $parts = $Line.Split(' ')
        @{ marker = $parts[0]; kind = $parts[1]; body = (ConvertTo-FsHashtable (ConvertFrom-Json ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($parts[2]))))) }
    }
    function Get-FsTestReport([object[]]$Lines) { (ConvertFrom-FsTestLine $Lines[-1]).body }
    function Get-FsTestResult($Report, [string]$Id) { @($Report.results | Where-Object { $_.id -eq $Id })[0] }
}

Describe 'Invoke-FleetScanPack (remote entry point, staged host)' {
    It 'writes one framed check line per host check and the host report last' {
        $lines = Invoke-FsTestPack -State (Get-FsTestState)
        $hostChecks = @($global:FsCheckRegistry.Values | Where-Object { $_.Metadata.kind -eq 'host' }).Count
        $parsed = @($lines | ForEach-Object { ConvertFrom-FsTestLine $_ })
        @($parsed | Where-Object { $_.marker -ne $marker }).Count | Should -Be 0
        @($parsed | Where-Object { $_.kind -eq 'check' }).Count | Should -Be $hostChecks
        $parsed[-1].kind | Should -Be 'report'
        $report = $parsed[-1].body
        $report.schema | Should -Be 'fleet-scan/host-report@1'
        $report.host | Should -Be 'fs01'
        $report.computerName | Should -Be 'FS01'
        $report.pack | Should -Be 'mars'
        $report.packVersion | Should -Be '1.0.0'
        $report.facts.staged | Should -BeTrue
        $report.facts.domain | Should -Be 'contoso.local'
        $report.facts.agentVersion | Should -Be '2.0.9300.0'
        $report.results.Count | Should -Be $hostChecks
        $report.results[0].id | Should -Be 'mars-agent-detect'
        @($report.results | Where-Object { $_.status -eq 'error' }).Count | Should -Be 0
    }

    It 'skips a check whose required var is missing and names the var' {
        $s = Get-FsTestState
        $s.inventory.vars.Remove('vaultCredentialsPath')
        $r = Get-FsTestResult (Get-FsTestReport (Invoke-FsTestPack -State $s)) 'mars-vault-credentials-file'
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'requires var vaultCredentialsPath, which is not set for this host'
    }

    It 'skips a check that does not apply to the host cloud and names the cloud' {
        $s = Get-FsTestState
        $s.inventory.cloud = 'china'
        $r = Get-FsTestResult (Get-FsTestReport (Invoke-FsTestPack -State $s -Payload @{ checks = @('mars-private-endpoint-dns') })) 'mars-private-endpoint-dns'
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'not applicable to cloud china (applies to public, usgov)'
    }

    It 'skips registration-phase checks in an install run' {
        $s = Get-FsTestState
        $s.inventory.vars.phase = 'install'
        $r = Get-FsTestResult (Get-FsTestReport (Invoke-FsTestPack -State $s -Payload @{ checks = @('mars-agent-installed') })) 'mars-agent-installed'
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be "registration-phase check; this run's phase is install"
    }

    It 'runs only the selected checks and keeps the fact check out of the results' {
        $lines = Invoke-FsTestPack -State (Get-FsTestState) -Payload @{ checks = @('mars-dotnet-version', 'mars-clock-skew') }
        $lines.Count | Should -Be 3
        @((Get-FsTestReport $lines).results | ForEach-Object { $_.id }) | Should -Be @('mars-dotnet-version', 'mars-clock-skew')
    }

    It 'turns a probe that throws into error with its message' {
        $s = Get-FsTestState
        $s.registry['HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full'] = @{ error = 'Requested registry access is not allowed.' }
        $r = Get-FsTestResult (Get-FsTestReport (Invoke-FsTestPack -State $s -Payload @{ checks = @('mars-dotnet-version') })) 'mars-dotnet-version'
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'Requested registry access is not allowed.'
    }

    It 'reports a host-side check that is not in the pack as skipped' {
        $r = Get-FsTestResult (Get-FsTestReport (Invoke-FsTestPack -State (Get-FsTestState) -Payload @{ checks = @('mars-no-such-check') })) 'mars-no-such-check'
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'no host check mars-no-such-check in pack mars'
    }
}

Describe 'Invoke-FleetScanPack check budget' {
    BeforeAll {
        $FsSlowMetadata = '{ "id": "fake-slow-check", "title": "Fake check that never ends", "phase": "both", "clouds": ["public"], "severity": "warn", "kind": "host", "description": "Sleeps far beyond its budget.", "remediation": "None: test fixture.", "source": "https://example.com/", "tags": [], "requires": [] }'
        function Test-FakeSlowCheck { param($Context) Start-Sleep -Seconds 60; New-FsCheckResult -Status pass -Summary 'never reached' }
        Register-FsCheck -Metadata $FsSlowMetadata -Function 'Test-FakeSlowCheck'
        # Fixtures that report which runspace ran them; the waiting one takes 1.5 s, well inside its budget, and
        # is registered (so queued) first.
        function Test-FakeWhereA { param($Context) New-FsCheckResult -Status pass -Summary ([string][runspace]::DefaultRunspace.InstanceId) }
        function Test-FakeWhereB { param($Context) New-FsCheckResult -Status pass -Summary ([string][runspace]::DefaultRunspace.InstanceId) }
        function Test-FakeWaitCheck { param($Context) Start-Sleep -Milliseconds 1500; New-FsCheckResult -Status pass -Summary ([string][runspace]::DefaultRunspace.InstanceId) }
        foreach ($fake in @(@('fake-wait-check', 'Test-FakeWaitCheck'), @('fake-where-a', 'Test-FakeWhereA'), @('fake-where-b', 'Test-FakeWhereB'))) {
            Register-FsCheck -Metadata ($FsSlowMetadata -replace 'fake-slow-check', $fake[0]) -Function $fake[1]
        }
    }
    AfterAll { foreach ($id in 'fake-slow-check', 'fake-where-a', 'fake-where-b', 'fake-wait-check') { $global:FsCheckRegistry.Remove($id) } }

    It 'runs quick checks one after another in a single runspace' {
        $report = Get-FsTestReport (Invoke-FsTestPack -State (Get-FsTestState) -Payload @{ checks = @('fake-where-a', 'fake-where-b') })
        $a = Get-FsTestResult $report 'fake-where-a'
        $a.status | Should -Be 'pass'
        (Get-FsTestResult $report 'fake-where-b').summary | Should -Be $a.summary
        $a.summary | Should -Not -Be ([string][runspace]::DefaultRunspace.InstanceId)
    }

    It 'opens a second runspace while a check waits, so the checks behind it do not queue' {
        $lines = Invoke-FsTestPack -State (Get-FsTestState) -Payload @{ checks = @('fake-wait-check', 'fake-where-a') }
        $order = @($lines | ForEach-Object { ConvertFrom-FsTestLine $_ } | Where-Object { $_.kind -eq 'check' } | ForEach-Object { $_.body.id })
        $order | Should -Be @('fake-where-a', 'fake-wait-check')
        $report = Get-FsTestReport $lines
        (Get-FsTestResult $report 'fake-wait-check').status | Should -Be 'pass'
        (Get-FsTestResult $report 'fake-where-a').summary | Should -Not -Be (Get-FsTestResult $report 'fake-wait-check').summary
    }

    It 'makes a check that outlives its budget error while the other checks finish' {
        $lines = Invoke-FsTestPack -State (Get-FsTestState) -Payload @{ checks = @('fake-slow-check', 'mars-dotnet-version', 'mars-os-server-core', 'mars-clock-skew'); checkBudgetMs = 1500 }
        $report = Get-FsTestReport $lines
        $slow = Get-FsTestResult $report 'fake-slow-check'
        $slow.status | Should -Be 'error'
        $slow.reason | Should -Be 'exceeded its budget of 1.5 s'
        @('mars-dotnet-version', 'mars-os-server-core', 'mars-clock-skew' | ForEach-Object { (Get-FsTestResult $report $_).status }) | Should -Be @('pass', 'pass', 'pass')
    }
}

Describe 'Invoke-FleetScanFleetChecks (controller-side fleet checks)' {
    It 'runs each fleet check over all hosts, skipping hosts without the required var' {
        $hosts = @(
            @{ name = 'fs01'; cloud = 'public'; status = 'ok'; vars = @{ vaultName = 'rsv-files' }; facts = @{ computerName = 'FS01' } },
            @{ name = 'fs01-clone'; cloud = 'public'; status = 'ok'; vars = @{ vaultName = 'rsv-files' }; facts = @{ computerName = 'FS01' } },
            @{ name = 'web01'; cloud = 'public'; status = 'ok'; vars = @{}; facts = @{ computerName = 'WEB01' } }
        )
        $b64 = ConvertTo-FsBase64Json -InputObject @{ marker = $marker; pack = 'mars'; hosts = $hosts }
        $lines = @(Invoke-FleetScanFleetChecks -PayloadBase64 $b64)
        $lines.Count | Should -Be 1
        $line = ConvertFrom-FsTestLine $lines[0]
        $line.kind | Should -Be 'fleet'
        $line.body.schema | Should -Be 'fleet-scan/fleet-report@1'
        $results = @($line.body.results)
        $results.Count | Should -Be 6
        $dup = @($results | Where-Object { $_.id -eq 'mars-fleet-duplicate-names' -and $_.host -eq 'fs01' })[0]
        $dup.status | Should -Be 'fail'
        $skipped = @($results | Where-Object { $_.id -eq 'mars-fleet-vault-capacity' -and $_.host -eq 'web01' })[0]
        $skipped.status | Should -Be 'skipped'
        $skipped.reason | Should -Be 'requires var vaultName, which is not set for this host'
        (@($results | Where-Object { $_.id -eq 'mars-fleet-vault-capacity' -and $_.host -eq 'fs01' })[0]).evidence | Should -Be @('vault rsv-files: 2 inventory hosts + 0 already registered = 2 <= 50')
    }
}
