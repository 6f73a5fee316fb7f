# Against the real run records in test/fixtures/runs (written by the CLI against a loopback lab).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../../powershell/FleetScan/FleetScan.psd1') -Force
    $script:Runs = Join-Path $PSScriptRoot '../../fixtures/runs'
    $script:RunA = Join-Path $script:Runs 'run-a.json'
    $script:RunB = Join-Path $script:Runs 'run-b.json'
}

Describe 'Get-FleetScanRun' {
    It 'counts ready, failing and unseen hosts and the outcomes of a run' {
        $a = Get-FleetScanRun -Path $script:RunA
        $a.PSObject.TypeNames[0] | Should -Be 'FleetScan.Run'
        $a.Hosts | Should -Be 3
        $a.ReadyHosts | Should -Be 1
        $a.FailingHosts | Should -Be 2
        $a.UnseenHosts | Should -Be 0
        $a.Failed | Should -Be 6
        $a.Warned | Should -Be 3
        $a.Pack | Should -Be 'mars'
        $a.Inventory | Should -Be 'inventory.json'
    }

    It 'counts unreachable hosts as unseen and names the run it was compared with' {
        $a = Get-FleetScanRun -Path $script:RunA
        $b = Get-FleetScanRun -Path $script:RunB
        $b.UnseenHosts | Should -Be 2
        $b.ReadyHosts | Should -Be 0
        $b.PreviousRunId | Should -Be $a.RunId
        $b.Changes | Should -Be 7
        $a.Changes | Should -BeNullOrEmpty
    }

    It 'gives times as UTC dates and the duration as a time span' {
        $record = Get-Content -LiteralPath $script:RunB -Raw | ConvertFrom-Json -DateKind String
        $b = Get-FleetScanRun -Path $script:RunB
        $b.StartedAt | Should -BeOfType [datetime]
        $b.StartedAt.Kind | Should -Be 'Utc'
        $b.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") | Should -Be $record.startedAt
        $b.Duration.TotalMilliseconds | Should -Be $record.durationMs
    }

    It 'reads records piped from Get-ChildItem and gives each its path' {
        $runs = @(Get-ChildItem -LiteralPath $script:Runs -Filter 'run-*.json' | Get-FleetScanRun | Sort-Object StartedAt)
        $runs.Count | Should -Be 2
        $runs[0].Path | Should -Be (Resolve-Path -LiteralPath $script:RunA).ProviderPath
    }
}
