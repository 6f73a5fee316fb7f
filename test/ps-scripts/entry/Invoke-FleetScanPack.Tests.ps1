BeforeAll {
    . (Join-Path $PSScriptRoot '../helpers/Import-FsStaged.ps1')

    function New-FsTestListPayload([hashtable]$State, [object[]]$Checks, [hashtable]$Extra = @{}) {
        # A payload whose check list the test spells out, facts and report flags included.
        $payload = New-FsTestPayload -State $State -NoFacts -Marker (New-FsTestMarker)
        $payload['checks'] = $Checks
        foreach ($k in $Extra.Keys) { $payload[$k] = $Extra[$k] }
        $payload
    }
    function Get-FsTestResult($Report, [string]$Id) { @($Report.results | Where-Object { $_.id -eq $Id })[0] }
    $hostChecks = @($global:FsPack.checks | Where-Object { $global:FsCheckRegistry[$_].Metadata.kind -eq 'host' })
}

Describe 'Invoke-FleetScanPack (remote entry point, staged host)' {
    BeforeAll {
        # Public-only, registration-phase, needs vaultName: a target-side applicability rule would skip it on a china install host without vaultName.
        $FsPickyMetadata = '{ "id": "fake-picky-check", "title": "Fake check with narrow applicability", "phase": "registration", "clouds": ["public"], "severity": "warn", "kind": "host", "description": "Says where it ran.", "remediation": "None: test fixture.", "source": "https://example.com/", "tags": [], "requires": ["vaultName"] }'
        function Test-FakePickyCheck { param($Context) New-FsCheckResult -Status pass -Summary ('ran on ' + $Context.Cloud + ', phase ' + (Resolve-FsVar -Context $Context -Name 'phase')) }
        Register-FsCheck -Metadata $FsPickyMetadata -Function 'Test-FakePickyCheck'
    }
    AfterAll { $global:FsCheckRegistry.Remove('fake-picky-check') }

    It 'writes one framed check line per listed check and the host report last' {
        $s = Get-FsTestState
        $payload = New-FsTestPayload -State $s -Id $hostChecks -Marker (New-FsTestMarker)
        $run = Invoke-FsTestEntry -State $s -Payload $payload
        @($run.lines | Where-Object { -not $_.StartsWith($payload.marker + ' ') }).Count | Should -Be 0
        $run.checks.Count | Should -Be $hostChecks.Count
        $run.framed[-1].kind | Should -Be 'report'
        $report = $run.report
        $report.schema | Should -Be 'fleet-scan/host-report@1'
        $report.host | Should -Be 'fs01'
        $report.computerName | Should -Be 'FS01'
        $report.pack | Should -Be 'mars'
        $report.packVersion | Should -Be '1.0.0'
        $report.facts.staged | Should -BeTrue
        $report.facts.domain | Should -Be 'contoso.local'
        $report.facts.agentVersion | Should -Be '2.0.9300.0'
        $report.results.Count | Should -Be $hostChecks.Count
        $report.results[0].id | Should -Be 'mars-agent-detect'
        @($report.results | Where-Object { $_.status -eq 'error' }).Count | Should -Be 0
    }

    It 'runs a listed check whatever its cloud, phase or required vars: applicability is the controller''s' {
        $s = Get-FsTestState
        $s.inventory.cloud = 'china'
        $s.inventory.vars.phase = 'install'
        $s.inventory.vars.Remove('vaultName')
        $payload = New-FsTestListPayload $s @(@{ id = 'fake-picky-check'; facts = $false; report = $true })
        $r = Get-FsTestResult (Invoke-FsTestEntry -State $s -Payload $payload).report 'fake-picky-check'
        $r.status | Should -Be 'pass'
        $r.summary | Should -Be 'ran on china, phase install'
    }

    It 'runs the fact checks first, whatever their place in the list, and gives their facts to the others' {
        $s = Get-FsTestState
        $payload = New-FsTestListPayload $s @(@{ id = 'mars-agent-installed'; facts = $false; report = $true }, @{ id = 'mars-agent-detect'; facts = $true; report = $false })
        $run = Invoke-FsTestEntry -State $s -Payload $payload
        @($run.report.results | ForEach-Object { $_.id }) | Should -Be @('mars-agent-installed')
        $run.report.results[0].status | Should -Be 'pass'
        $run.report.facts.agentVersion | Should -Be '2.0.9300.0'
    }

    It 'runs only the listed checks and keeps a report:false check out of the lines and the results' {
        $s = Get-FsTestState
        $run = Invoke-FsTestEntry -State $s -Payload (New-FsTestPayload -State $s -Id 'mars-dotnet-version', 'mars-clock-skew' -Marker (New-FsTestMarker))
        $run.lines.Count | Should -Be 3
        @($run.checks | ForEach-Object { $_.id }) | Sort-Object | Should -Be @('mars-clock-skew', 'mars-dotnet-version')
        @($run.report.results | ForEach-Object { $_.id }) | Should -Be @('mars-dotnet-version', 'mars-clock-skew')
    }

    It 'reports the results in list order, not pack order' {
        $s = Get-FsTestState
        $run = Invoke-FsTestEntry -State $s -Payload (New-FsTestPayload -State $s -Id 'mars-clock-skew', 'mars-os-supported', 'mars-dotnet-version' -Marker (New-FsTestMarker))
        @($run.report.results | ForEach-Object { $_.id }) | Should -Be @('mars-clock-skew', 'mars-os-supported', 'mars-dotnet-version')
    }

    It 'turns a probe that throws into error with its message' {
        $s = Get-FsTestState
        $s.registry['HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full'] = @{ error = 'Requested registry access is not allowed.' }
        $r = Invoke-FsTestPack -Id 'mars-dotnet-version' -State $s
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'Requested registry access is not allowed.'
    }

    It 'reports a listed id the pack has no host check for as error, on its line and in the report' {
        $s = Get-FsTestState
        $payload = New-FsTestListPayload $s @(@{ id = 'mars-no-such-check'; facts = $false; report = $true }, @{ id = 'mars-fleet-vault-capacity'; facts = $false; report = $true })
        $run = Invoke-FsTestEntry -State $s -Payload $payload
        $run.checks.Count | Should -Be 2
        $unknown = Get-FsTestResult $run.report 'mars-no-such-check'
        $unknown.status | Should -Be 'error'
        $unknown.reason | Should -Be 'no host check mars-no-such-check in pack mars'
        (Get-FsTestResult $run.report 'mars-fleet-vault-capacity').reason | Should -Be 'no host check mars-fleet-vault-capacity in pack mars'
    }

    It 'runs nothing and writes only the report for an empty list' {
        $s = Get-FsTestState
        $run = Invoke-FsTestEntry -State $s -Payload (New-FsTestListPayload $s @())
        $run.lines.Count | Should -Be 1
        @($run.report.results).Count | Should -Be 0
        $run.report.facts.staged | Should -BeTrue
    }

    It 'refuses a payload without a check list or with an entry that has no id' {
        $s = Get-FsTestState
        $payload = New-FsTestListPayload $s @()
        $payload.Remove('checks')
        { Invoke-FsTestEntry -State $s -Payload $payload } | Should -Throw 'payload has no checks list'
        { Invoke-FsTestEntry -State $s -Payload (New-FsTestListPayload $s @(@{ facts = $false; report = $true })) } | Should -Throw 'payload checks`[0`] has no id'
    }

    It 'still reports, every check and the computer name erroring with the reason, when the staged state file cannot be read' {
        $payload = New-FsTestListPayload @{} @(@{ id = 'mars-dotnet-version'; facts = $false; report = $true })
        $env:FLEET_SCAN_STAGED_STATE = Join-Path $TestDrive 'no-such-state.json'
        $lines = @(Invoke-FleetScanPack -PayloadBase64 (ConvertTo-FsBase64Json -InputObject $payload))
        $report = (ConvertFrom-FsTestLine -Line $lines[-1] -Marker $payload.marker).body
        $r = $report.results[0]
        $r.status | Should -Be 'error'
        $r.reason | Should -BeLike '*no-such-state.json*'
        $report.computerName | Should -Be ''
        $report.facts.computerNameError | Should -BeLike '*no-such-state.json*'
    }
}

Describe 'Invoke-FleetScanPack check budget' {
    BeforeAll {
        $FsSlowMetadata = '{ "id": "fake-slow-check", "title": "Fake check that never ends", "phase": "both", "clouds": ["public"], "severity": "warn", "kind": "host", "description": "Sleeps far beyond its budget.", "remediation": "None: test fixture.", "source": "https://example.com/", "tags": [], "requires": [] }'
        function Test-FakeSlowCheck { param($Context) Start-Sleep -Seconds 60; New-FsCheckResult -Status pass -Summary 'never reached' }
        Register-FsCheck -Metadata $FsSlowMetadata -Function 'Test-FakeSlowCheck'
        # Fixtures that report which runspace ran them; the waiting one takes 1.5 s, well inside its budget, and
        # is listed (so queued) first.
        function Test-FakeWhereA { param($Context) New-FsCheckResult -Status pass -Summary ([string][runspace]::DefaultRunspace.InstanceId) }
        function Test-FakeWhereB { param($Context) New-FsCheckResult -Status pass -Summary ([string][runspace]::DefaultRunspace.InstanceId) }
        function Test-FakeWaitCheck { param($Context) Start-Sleep -Milliseconds 1500; New-FsCheckResult -Status pass -Summary ([string][runspace]::DefaultRunspace.InstanceId) }
        foreach ($fake in @(@('fake-wait-check', 'Test-FakeWaitCheck'), @('fake-where-a', 'Test-FakeWhereA'), @('fake-where-b', 'Test-FakeWhereB'))) {
            Register-FsCheck -Metadata ($FsSlowMetadata -replace 'fake-slow-check', $fake[0]) -Function $fake[1]
        }
    }
    AfterAll { foreach ($id in 'fake-slow-check', 'fake-where-a', 'fake-where-b', 'fake-wait-check') { $global:FsCheckRegistry.Remove($id) } }

    It 'runs quick checks one after another in a single runspace' {
        $s = Get-FsTestState
        $report = (Invoke-FsTestEntry -State $s -Payload (New-FsTestPayload -State $s -Id 'fake-where-a', 'fake-where-b' -Marker (New-FsTestMarker))).report
        $a = Get-FsTestResult $report 'fake-where-a'
        $a.status | Should -Be 'pass'
        (Get-FsTestResult $report 'fake-where-b').summary | Should -Be $a.summary
        $a.summary | Should -Not -Be ([string][runspace]::DefaultRunspace.InstanceId)
    }

    It 'opens a second runspace while a check waits, so the checks behind it do not queue' {
        $s = Get-FsTestState
        $run = Invoke-FsTestEntry -State $s -Payload (New-FsTestPayload -State $s -Id 'fake-wait-check', 'fake-where-a' -Marker (New-FsTestMarker))
        @($run.checks | ForEach-Object { $_.id }) | Should -Be @('fake-where-a', 'fake-wait-check')
        (Get-FsTestResult $run.report 'fake-wait-check').status | Should -Be 'pass'
        (Get-FsTestResult $run.report 'fake-where-a').summary | Should -Not -Be (Get-FsTestResult $run.report 'fake-wait-check').summary
    }

    It 'makes a check that outlives its budget error while the other checks finish' {
        $s = Get-FsTestState
        $ids = 'fake-slow-check', 'mars-dotnet-version', 'mars-os-server-core', 'mars-clock-skew'
        $report = (Invoke-FsTestEntry -State $s -Payload (New-FsTestPayload -State $s -Id $ids -BudgetMs 1500 -Marker (New-FsTestMarker))).report
        $slow = Get-FsTestResult $report 'fake-slow-check'
        $slow.status | Should -Be 'error'
        $slow.reason | Should -Be 'exceeded its budget of 1.5 s'
        @('mars-dotnet-version', 'mars-os-server-core', 'mars-clock-skew' | ForEach-Object { (Get-FsTestResult $report $_).status }) | Should -Be @('pass', 'pass', 'pass')
    }
}
