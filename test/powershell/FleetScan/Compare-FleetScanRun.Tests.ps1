# Run B's record holds the changes the CLI computed against run A when it scanned: the module must find the same.
# (compare-fleet-scan-run.test.ts also holds it to src/history/diff.ts itself, both ways round.)
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../../powershell/FleetScan/FleetScan.psd1') -Force
    $script:Runs = Join-Path $PSScriptRoot '../../fixtures/runs'
    $script:RunA = Join-Path $script:Runs 'run-a.json'
    $script:RunB = Join-Path $script:Runs 'run-b.json'
    $script:Stored = @((Get-Content -LiteralPath $script:RunB -Raw | ConvertFrom-Json -DateKind String).changes.changes)
    function ConvertTo-Line($Change) {
        $check = $Change.PSObject.Properties['check']
        if ($null -eq $check) { $check = $Change.PSObject.Properties['CheckId'] }
        $value = { param($Name) $p = $Change.PSObject.Properties[$Name]; if ($p -and $p.Value) { [string]$p.Value } else { '' } }
        (& $value 'kind') + '|' + (& $value 'host') + '|' + [string]$(if ($check) { $check.Value }) + '|' + (& $value 'before') + '|' + (& $value 'after') + '|' + (& $value 'detail')
    }
}

Describe 'Compare-FleetScanRun' {
    It 'finds the changes the CLI recorded between the two runs, in the same order and words' {
        $changes = @(Compare-FleetScanRun -ReferenceRun $script:RunA -DifferenceRun $script:RunB)
        $changes.Count | Should -Be 7
        @($changes | ForEach-Object { ConvertTo-Line $_ }) | Should -Be @($script:Stored | ForEach-Object { ConvertTo-Line $_ })
    }

    It 'names the two runs on each change' {
        $a = Get-FleetScanRun -Path $script:RunA
        $b = Get-FleetScanRun -Path $script:RunB
        $change = @(Compare-FleetScanRun $script:RunA $script:RunB)[0]
        $change.PSObject.TypeNames[0] | Should -Be 'FleetScan.Change'
        $change.ReferenceRunId | Should -Be $a.RunId
        $change.DifferenceRunId | Should -Be $b.RunId
    }

    It 'reads the other way round as fixes, hosts reachable again and hosts removed' {
        $kinds = @(Compare-FleetScanRun -ReferenceRun $script:RunB -DifferenceRun $script:RunA | ForEach-Object { $_.Kind + ' ' + $_.Host + ' ' + $_.CheckId })
        $kinds | Should -Be @(
            'new-failure fs21 mars-tls12-dotnet', 'new-failure fs21 mars-windows-temp-files', 'fixed fs22 mars-dotnet-version',
            'reachable-again fs23 ', 'host-removed fs24 ', 'evidence-changed fs21 mars-antivirus-exclusions', 'evidence-changed fs21 mars-clock-skew')
    }

    It 'finds nothing between a run and itself' {
        @(Compare-FleetScanRun -ReferenceRun $script:RunA -DifferenceRun $script:RunA).Count | Should -Be 0
    }
}
