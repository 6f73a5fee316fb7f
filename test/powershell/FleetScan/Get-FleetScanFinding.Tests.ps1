# Against the real run records in test/fixtures/runs (written by the CLI against a loopback lab).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../../powershell/FleetScan/FleetScan.psd1') -Force
    $script:Runs = Join-Path $PSScriptRoot '../../fixtures/runs'
    $script:RunA = Join-Path $script:Runs 'run-a.json'
    $script:RunB = Join-Path $script:Runs 'run-b.json'
    $script:Record = Get-Content -LiteralPath $script:RunA -Raw | ConvertFrom-Json
}

Describe 'Get-FleetScanFinding' {
    It 'writes one finding per host and check of the record' {
        $expected = @($script:Record.hosts | ForEach-Object { @($_.checks) }).Count
        @(Get-FleetScanFinding -Path $script:RunA).Count | Should -Be $expected
        $expected | Should -Be 93
    }

    It 'gives every finding the same fixed properties in the same order' {
        $names = @((Get-FleetScanFinding -Path $script:RunA | Select-Object -First 1).PSObject.Properties | ForEach-Object { $_.Name })
        $names | Should -Be @('RunId', 'Host', 'Cloud', 'Tags', 'HostStatus', 'CheckId', 'Title', 'Failure', 'Severity', 'Status',
            'Summary', 'Evidence', 'Reason', 'Remediation', 'Source', 'Waived', 'WaivedStatus', 'Staged')
        @(Get-FleetScanFinding -Path $script:RunA)[0].PSObject.TypeNames[0] | Should -Be 'FleetScan.Finding'
    }

    It 'takes the outcome from the host and the title, failure, severity and remediation from the check metadata' {
        $f = Get-FleetScanFinding -Path $script:RunA -HostName fs21 -CheckId mars-tls12-schannel
        $meta = $script:Record.checks | Where-Object id -eq 'mars-tls12-schannel'
        $outcome = ($script:Record.hosts | Where-Object name -eq 'fs21').checks | Where-Object id -eq 'mars-tls12-schannel'
        $f.RunId | Should -Be $script:Record.runId
        $f.Status | Should -Be 'fail'
        $f.Summary | Should -Be $outcome.summary
        $f.Evidence | Should -Be ($outcome.evidence -join "`n")
        $f.Title | Should -Be $meta.title
        $f.Failure | Should -Be $meta.failure
        $f.Severity | Should -Be 'fail'
        $f.Remediation | Should -Be $meta.remediation
        $f.Source | Should -Be $meta.source
        $f.Tags | Should -Be 'lab, broken'
        $f.HostStatus | Should -Be 'ok'
        $f.Cloud | Should -Be 'public'
        $f.Waived | Should -BeFalse
        $f.Staged | Should -BeTrue
    }

    It 'keeps evidence with several lines whole, one line per entry' {
        $f = Get-FleetScanFinding -Path $script:RunA -HostName fs21 -CheckId mars-tls12-dotnet
        @($f.Evidence -split "`n") | Should -Be @('64-bit SchUseStrongCrypto=absent', '64-bit SystemDefaultTlsVersions=1', 'WOW6432Node SchUseStrongCrypto=1', 'WOW6432Node SystemDefaultTlsVersions=0')
    }

    It 'filters by status, by check id with wildcards and by host name case-insensitively' {
        $failing = @(Get-FleetScanFinding -Path $script:RunA -Status fail | ForEach-Object { $_.Host + ' ' + $_.CheckId } | Sort-Object)
        $failing | Should -Be @('fs21 mars-clock-skew', 'fs21 mars-tls12-dotnet', 'fs21 mars-tls12-schannel', 'fs21 mars-windows-temp-files', 'fs22 mars-existing-registration', 'fs22 mars-os-server-core')
        @(Get-FleetScanFinding -Path $script:RunA -CheckId 'mars-tls12-*' -HostName FS21 -Status fail, warn).CheckId | Sort-Object | Should -Be @('mars-tls12-dotnet', 'mars-tls12-schannel')
    }

    It 'marks every check of a host that was not reached not-run, with the host status beside it' {
        $fs23 = @(Get-FleetScanFinding -Path $script:RunB -HostName fs23)
        $fs23.Count | Should -Be 31
        @($fs23 | Where-Object Status -ne 'not-run').Count | Should -Be 0
        @($fs23.HostStatus | Sort-Object -Unique) | Should -Be @('unreachable')
    }

    It 'reads the records piped from Get-ChildItem, one after the other' {
        $all = @(Get-ChildItem -LiteralPath $script:Runs -Filter 'run-*.json' | Get-FleetScanFinding)
        @($all.RunId | Sort-Object -Unique).Count | Should -Be 2
        $all.Count | Should -Be (93 + 124)
    }

    It 'exports to CSV with tags and evidence intact' {
        $csv = Join-Path $TestDrive 'failures.csv'
        Get-FleetScanFinding -Path $script:RunA | Where-Object Status -eq 'fail' | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be 6
        $row = $rows | Where-Object CheckId -eq 'mars-tls12-dotnet'
        $row.Tags | Should -Be 'lab, broken'
        @($row.Evidence -split "`n").Count | Should -Be 4
        $row.Remediation | Should -BeLike 'Set SchUseStrongCrypto=1*'
    }

    It 'shows host, check, status and summary by default' {
        $f = Get-FleetScanFinding -Path $script:RunA | Select-Object -First 1
        $f.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames | Should -Be @('Host', 'CheckId', 'Status', 'Summary')
    }

    It 'refuses a file that is not a run record with one line naming it' {
        $notJson = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $notJson -Value '{ not json'
        $other = Join-Path $TestDrive 'other.json'
        Set-Content -LiteralPath $other -Value '{ "schema": "fleet-scan/host-report@1" }'
        { Get-FleetScanFinding -Path $notJson } | Should -Throw -ExpectedMessage "$notJson`: not JSON"
        { Get-FleetScanFinding -Path $other } | Should -Throw -ExpectedMessage "$other`: not a fleet-scan run record (schema fleet-scan/host-report@1)"
        { Get-FleetScanFinding -Path (Join-Path $TestDrive 'missing.json') } | Should -Throw -ExpectedMessage '*missing.json: no such file'
    }
}
