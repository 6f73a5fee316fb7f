BeforeAll {
    . (Join-Path $PSScriptRoot '../helpers/Import-FsStaged.ps1')

    function Invoke-FsTestFleetPayload([object[]]$Checks) {
        # The real entry point on a payload the test spells out; returns the parsed fleet line and the raw lines.
        $marker = New-FsTestMarker
        $lines = @(Invoke-FleetScanFleetChecks -PayloadBase64 (New-FsTestFleetPayload -Marker $marker -Checks $Checks))
        @{ lines = $lines; line = (ConvertFrom-FsTestLine -Line $lines[-1] -Marker $marker) }
    }
    function New-FsTestFleetHost([string]$Name, [string]$Computer, [hashtable]$Vars = @{ vaultName = 'rsv-files' }) {
        @{ name = $Name; cloud = 'public'; status = 'ok'; vars = $Vars; facts = @{ computerName = $Computer } }
    }
    $clones = @((New-FsTestFleetHost 'fs01' 'FS01'), (New-FsTestFleetHost 'fs01-clone' 'FS01'))
}

Describe 'Invoke-FleetScanFleetChecks (controller-side fleet checks)' {
    BeforeAll {
        $FsThrowMetadata = '{ "id": "fake-fleet-throws", "title": "Fake fleet check that throws", "phase": "both", "clouds": ["public"], "severity": "warn", "kind": "fleet", "description": "Throws.", "remediation": "None: test fixture.", "source": "https://example.com/", "tags": [], "requires": [] }'
        function Test-FakeFleetThrows { param($Hosts) throw 'vault list unavailable' }
        Register-FsCheck -Metadata $FsThrowMetadata -Function 'Test-FakeFleetThrows'
    }
    AfterAll { $global:FsCheckRegistry.Remove('fake-fleet-throws') }

    It 'writes one fleet line with a result per listed host per listed check, in list order' {
        $run = Invoke-FsTestFleetPayload @(@{ id = 'mars-fleet-vault-capacity'; hosts = $clones }, @{ id = 'mars-fleet-duplicate-names'; hosts = $clones })
        $run.lines.Count | Should -Be 1
        $run.line.kind | Should -Be 'fleet'
        $run.line.body.schema | Should -Be 'fleet-scan/fleet-report@1'
        $run.line.body.pack | Should -Be 'mars'
        $results = @($run.line.body.results)
        @($results | ForEach-Object { $_.id + '/' + $_.host }) | Should -Be @('mars-fleet-vault-capacity/fs01', 'mars-fleet-vault-capacity/fs01-clone', 'mars-fleet-duplicate-names/fs01', 'mars-fleet-duplicate-names/fs01-clone')
        $results[2].status | Should -Be 'fail'
    }

    It 'reads a var the controller did not send as unset: no machine already registered, the documented limit of 50' {
        $results = @((Invoke-FsTestFleetPayload @(@{ id = 'mars-fleet-vault-capacity'; hosts = $clones })).line.body.results)
        $results[0].evidence | Should -Be @('vault rsv-files: 2 inventory hosts + 0 already registered = 2 <= 50')
    }

    It 'reads the vars the controller sent: a limit of 1 and 3 machines already registered' {
        $tight = @((New-FsTestFleetHost 'fs01' 'FS01' @{ vaultName = 'rsv-files'; vaultMachineLimit = 1; alreadyRegisteredCount = 3 }))
        $results = @((Invoke-FsTestFleetPayload @(@{ id = 'mars-fleet-vault-capacity'; hosts = $tight })).line.body.results)
        $results[0].status | Should -Be 'warn'
        $results[0].evidence | Should -Be @('vault rsv-files: 1 inventory hosts + 3 already registered = 4 > 1')
    }

    It 'refuses a check that lists a host the payload does not hold, naming the index' {
        $marker = New-FsTestMarker
        $payload = ConvertTo-FsBase64Json -InputObject @{ marker = $marker; pack = 'mars'; hosts = @($clones[0]); checks = @(@{ id = 'mars-fleet-duplicate-names'; hosts = @(0, 5) }) }
        { Invoke-FleetScanFleetChecks -PayloadBase64 $payload } | Should -Throw '*checks?0? lists host 5, which is not in the hosts list'
    }

    It 'runs a check only over the hosts listed with it' {
        $results = @((Invoke-FsTestFleetPayload @(@{ id = 'mars-fleet-duplicate-names'; hosts = @($clones[0]) })).line.body.results)
        $results.Count | Should -Be 1
        $results[0].status | Should -Be 'pass'
    }

    It 'gives every host of an id the pack has no fleet check for an error' {
        $results = @((Invoke-FsTestFleetPayload @(@{ id = 'mars-dotnet-version'; hosts = $clones })).line.body.results)
        @($results | ForEach-Object { $_.status }) | Should -Be @('error', 'error')
        $results[0].reason | Should -Be 'no fleet check mars-dotnet-version in pack mars'
    }

    It 'gives every host an error with the message when the fleet check throws' {
        $results = @((Invoke-FsTestFleetPayload @(@{ id = 'fake-fleet-throws'; hosts = $clones })).line.body.results)
        @($results | ForEach-Object { $_.status }) | Should -Be @('error', 'error')
        $results[1].reason | Should -Be 'vault list unavailable'
    }

    It 'gives the same report for a payload the controller''s pwsh 7 worker decoded with ConvertFrom-Json -AsHashtable (ordered, case-sensitive keys, Int64 indexes)' {
        $marker = New-FsTestMarker
        $base64 = New-FsTestFleetPayload -Marker $marker -Checks @(@{ id = 'mars-fleet-duplicate-names'; hosts = $clones }, @{ id = 'mars-fleet-vault-capacity'; hosts = $clones })
        $decoded = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($base64)) | ConvertFrom-Json -AsHashtable
        $decoded['hosts'][0] | Should -BeOfType [System.Collections.IDictionary]
        $fromDecoded = ConvertFrom-FsTestLine -Line @(Invoke-FleetScanFleetChecks -Payload $decoded)[-1] -Marker $marker
        $fromBase64 = ConvertFrom-FsTestLine -Line @(Invoke-FleetScanFleetChecks -PayloadBase64 $base64)[-1] -Marker $marker
        @($fromDecoded.body.results | ForEach-Object { $_.id + '/' + $_.host + '/' + $_.status + '/' + ($_.evidence -join ';') }) |
            Should -Be @($fromBase64.body.results | ForEach-Object { $_.id + '/' + $_.host + '/' + $_.status + '/' + ($_.evidence -join ';') })
        @($fromDecoded.body.results | ForEach-Object { $_.status }) | Should -Be @('fail', 'fail', 'pass', 'pass')
    }

    It 'refuses a decoded payload without a marker, as it refuses an encoded one' {
        { Invoke-FleetScanFleetChecks -Payload @{ pack = 'mars'; hosts = @(); checks = @() } } | Should -Throw 'payload has no marker'
    }

    It 'writes an empty fleet report for an empty list' {
        @((Invoke-FsTestFleetPayload @()).line.body.results).Count | Should -Be 0
    }
}
