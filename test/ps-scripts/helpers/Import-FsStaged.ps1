# Dot-source from a Pester BeforeAll. Loads exactly what a lab host's bundle holds, in the bundle's order
# (ps-scripts/bundle.json, with the staged probe library, pack.json and every mars check), and the test
# helpers: Invoke-FsTestPack runs a check through the real entry point against an in-test staged state
# (written to a real JSON file, read by the real staged probe library).
Set-StrictMode -Version Latest
$FsRepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
. (Join-Path $PSScriptRoot 'Get-FsTestBundleFile.ps1')
foreach ($FsFile in @(Get-FsTestBundleFile -Staged -Pack mars)) {
    if ($FsFile.Kind -eq 'pack') { Register-FsPack -Json ([System.IO.File]::ReadAllText($FsFile.Path)) } else { . $FsFile.Path }
}
foreach ($FsFile in @(Get-ChildItem -Path $PSScriptRoot -Filter *.ps1 -File | Where-Object { $_.BaseName -match '^[A-Za-z]+-FsTest' })) { . $FsFile.FullName }
$FsTestControllerUtc = ConvertTo-FsUtcDate -Value '2026-11-25T08:00:00Z'
