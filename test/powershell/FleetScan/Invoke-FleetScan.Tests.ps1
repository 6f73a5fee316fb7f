# Runs the real CLI (bin/fleet-scan.js with node). The scan case uses the local transport on a lab host whose
# Windows state is the staged fs21 of test/fixtures/runs/states: the CLI, the pack and the record are real.
BeforeAll {
    $script:Repo = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../../..')).ProviderPath
    Import-Module (Join-Path $script:Repo 'powershell/FleetScan/FleetScan.psd1') -Force
    $script:Cli = Join-Path $script:Repo 'bin/fleet-scan.js'
    $script:Map = & (Get-Module FleetScan) { Get-FleetScanFlagMap }
    function ConvertTo-Argument([hashtable]$Bound) { & (Get-Module FleetScan) { param($B) ConvertTo-FleetScanArgument -Bound $B } $Bound }
}

Describe 'Invoke-FleetScan parameters' {
    It 'has one parameter for each flag of fleet-scan scan --help (or its negation), and no other flag' {
        $help = @(& node $script:Cli scan --help)
        # Option lines start at column 3 (with a short alias) or 7; wrapped descriptions further right.
        $flags = @($help | ForEach-Object { if ($_ -match '^  (?:-\w, |    )--([a-z][a-z-]*)\s') { '--' + $Matches[1] } } | Where-Object { @('--help', '--version') -notcontains $_ })
        $flags.Count | Should -BeGreaterThan 20
        # --no-xlsx stands for --xlsx's negation: a flag counts as covered by either.
        $covered = @($script:Map.Values | ForEach-Object { $_['Flag'] -replace '^--no-', '--' } | Sort-Object -Unique)
        $covered | Should -Be @($flags | Sort-Object)
    }

    It 'maps only flags the CLI negates itself to No* switches' {
        $help = (& node $script:Cli scan --help) -join "`n"
        foreach ($negation in @($script:Map.Values | ForEach-Object { $_['Flag'] } | Where-Object { $_ -like '--no-*' })) {
            $help | Should -Match ([regex]::Escape('(' + $negation + ':'))
        }
    }

    It 'has every mapped parameter, and maps every parameter except -FleetScanPath and -PassThru' {
        $parameters = (Get-Command Invoke-FleetScan).Parameters.Keys
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($name in $script:Map.Keys) { $parameters | Should -Contain $name }
        $own = @($parameters | Where-Object { $common -notcontains $_ -and @('FleetScanPath', 'PassThru') -notcontains $_ })
        @($own | Sort-Object) | Should -Be @(@($script:Map.Keys) | Where-Object { $_ -ne 'Verbose' } | Sort-Object)
    }

    It 'passes each value as one argument, lists joined by commas, and switches and negations as bare flags' {
        $arguments = ConvertTo-Argument @{ Inventory = 'C:\audit\my servers.json'; Checks = @('mars-clock-skew', 'mars-net-endpoints'); Concurrency = 8; NoXlsx = [switch]$true; Color = [switch]$false; Verbose = [switch]$true; Quiet = [switch]$false }
        $arguments | Should -Be @('--inventory', 'C:\audit\my servers.json', '--checks', 'mars-clock-skew,mars-net-endpoints', '--concurrency', '8', '--no-xlsx', '--verbose', '--no-color')
    }

    It 'refuses a flag together with its own negation' {
        { Invoke-FleetScan -Inventory x.json -Xlsx a.xlsx -NoXlsx -FleetScanPath $script:Cli } | Should -Throw -ExpectedMessage 'Invoke-FleetScan: give -Xlsx or -NoXlsx, not both'
        { Invoke-FleetScan -Inventory x.json -NoJson -PassThru -FleetScanPath $script:Cli } | Should -Throw -ExpectedMessage '*-PassThru reads the run record*'
    }
}

Describe 'Invoke-FleetScan against the CLI' {
    BeforeAll {
        $script:Work = Join-Path $TestDrive 'scan'
        $null = New-Item -ItemType Directory -Path $script:Work
        $inventory = Join-Path $script:Work 'inventory.json'
        Set-Content -LiteralPath $inventory -Value '{ "hosts": [ { "name": "fs21", "transport": "local", "lab": true, "cloud": "public", "vars": { "vaultName": "rsv-files" } } ] }'
        $env:FLEET_SCAN_STAGED_STATE = Join-Path $script:Repo 'test/fixtures/runs/states/01-fs21-fixable.json'
        Push-Location $script:Work
        try {
            $script:Findings = @(Invoke-FleetScan -Inventory inventory.json -OutDir reports -NoXlsx -NoHistory -Quiet -PassThru -FleetScanPath $script:Cli 6>$null)
            $script:Code = $LASTEXITCODE
            $script:Result = Invoke-FleetScan -Inventory inventory.json -Checks mars-tls12-dotnet -Json (Join-Path $script:Work 'one.json') -NoXlsx -NoHistory -Quiet -FleetScanPath $script:Cli 6>$null
        }
        finally {
            Pop-Location
            Remove-Item Env:\FLEET_SCAN_STAGED_STATE
        }
    }

    It 'returns with -PassThru one finding per check of the run record the scan wrote' {
        $record = Get-ChildItem -LiteralPath (Join-Path $script:Work 'reports') -Filter 'fleet-scan-*.json' | Get-FleetScanFinding
        $script:Findings.Count | Should -Be 31
        @($script:Findings | ForEach-Object { $_.CheckId + '=' + $_.Status }) | Should -Be @($record | ForEach-Object { $_.CheckId + '=' + $_.Status })
        ($script:Findings | Where-Object CheckId -eq 'mars-tls12-schannel').Status | Should -Be 'fail'
        $script:Code | Should -Be 1
    }

    It 'returns the exit code, its meaning and the run record given with -Json' {
        $script:Result.PSObject.TypeNames[0] | Should -Be 'FleetScan.ScanResult'
        $script:Result.ExitCode | Should -Be 1
        $script:Result.Meaning | Should -Be 'a check failed'
        $script:Result.Clean | Should -BeFalse
        $script:Result.RunRecord | Should -Be (Join-Path $script:Work 'one.json')
        $script:Result.RunId | Should -Be (Get-FleetScanRun -Path $script:Result.RunRecord).RunId
        @(Get-FleetScanFinding -Path $script:Result.RunRecord).CheckId | Should -Be @('mars-tls12-dotnet')
    }

    It 'shows the CLI output on the host as it comes' {
        Push-Location $script:Work
        try { $shown = @(Invoke-FleetScan -Inventory missing.json -NoHistory -FleetScanPath $script:Cli 6>&1 | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { [string]$_ }) }
        finally { Pop-Location }
        $shown | Should -Contain 'fleet-scan: missing.json: cannot read: no such file'
    }

    It 'returns exit code 2 and no run record for an inventory that cannot be read' {
        Push-Location $script:Work
        try { $result = Invoke-FleetScan -Inventory missing.json -NoHistory -FleetScanPath $script:Cli 6>$null }
        finally { Pop-Location }
        $result.ExitCode | Should -Be 2
        $result.Meaning | Should -BeLike 'bad usage or bad input*'
        $result.RunRecord | Should -BeNullOrEmpty
    }
}

Describe 'Exit code meanings' {
    It 'are the rows of the README exit-code table' {
        $readme = Get-Content -LiteralPath (Join-Path $script:Repo 'README.md')
        $rows = [ordered]@{}
        $inTable = $false
        foreach ($line in $readme) {
            if ($line -match '^\| exit \| meaning \|') { $inTable = $true; continue }
            if ($inTable -and $line -match '^\| (\d+) \| (.+) \|$') { $rows[$Matches[1]] = $Matches[2] -replace '`', '' }
            elseif ($inTable -and $line -notmatch '^\| ---') { break }
        }
        $rows.Count | Should -Be 7
        $table = & (Get-Module FleetScan) { Get-FleetScanExitMeaning }
        @($table.Keys) | Should -Be @($rows.Keys)
        foreach ($code in $rows.Keys) { $table[$code] | Should -Be $rows[$code] }
    }
}
