# FleetScan: one function per file; Private/ helpers first, then the Public/ functions this module exports.
Set-StrictMode -Version Latest
foreach ($folder in @('Private', 'Public')) {
    foreach ($file in @(Get-ChildItem -Path (Join-Path $PSScriptRoot $folder) -Filter '*.ps1' -File | Sort-Object Name)) {
        . $file.FullName
    }
}
Export-ModuleMember -Function @('Invoke-FleetScan', 'Get-FleetScanRun', 'Get-FleetScanFinding', 'Compare-FleetScanRun')
