<#
.SYNOPSIS
    Runs Pester test files in one pwsh and ends with the line "Pester: N passed, N failed".

.DESCRIPTION
    Imports Pester by full path (the NuGet package layout is not a PSModulePath layout), runs every
    *.Tests.ps1 under the given paths with plain-text output, writes an NUnit XML result file, and
    prints, as its very last line, "Pester: <passed> passed, <failed> failed". Tests that never ran
    because their file or block broke count as failed, so a broken file cannot look green.

.PARAMETER PesterPath
    Full path of Pester.psd1.

.PARAMETER Path
    Test files or folders to run.

.PARAMETER OutputFile
    Where the NUnit XML result goes; its folder is created.

.EXAMPLE
    pwsh -NoProfile -File ps-scripts/tools/Invoke-FsPester.ps1 -PesterPath $p -OutputFile test-results/pester.xml test/ps-scripts

    ...Pester's own report...
    Pester: 42 passed, 0 failed

.NOTES
    Exit code: 0 when nothing failed, 1 otherwise, 2 for a test path that does not exist.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$PesterPath,
    [Parameter(Mandatory = $true)][string]$OutputFile,
    [Parameter(Mandatory = $true, Position = 0, ValueFromRemainingArguments = $true)][string[]]$Path
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$PSStyle.OutputRendering = 'PlainText'

Import-Module -Name $PesterPath -Force
$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutputFile)

# Pester throws on an empty selection; an empty suite is simply nothing run.
$testFiles = @(foreach ($p in $Path) {
        if (Test-Path -LiteralPath $p -PathType Container) { Get-ChildItem -LiteralPath $p -Recurse -File -Filter '*.Tests.ps1' }
        elseif (Test-Path -LiteralPath $p -PathType Leaf) { Get-Item -LiteralPath $p }
        else {
            [Console]::Error.WriteLine("Invoke-FsPester: no such test path: $p")
            exit 2
        }
    })
if ($testFiles.Count -eq 0) {
    'Pester: 0 passed, 0 failed'
    exit 0
}

$config = New-PesterConfiguration
$config.Run.Path = @($testFiles | ForEach-Object { $_.FullName })
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.Output.RenderMode = 'Plaintext'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $OutputFile

$result = Invoke-Pester -Configuration $config
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
"Pester: {0} passed, {1} failed" -f $result.PassedCount, $failed
if ($failed -gt 0 -or $result.Result -eq 'Failed') { exit 1 }
exit 0
