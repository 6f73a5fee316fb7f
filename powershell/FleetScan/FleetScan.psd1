@{
    RootModule           = 'FleetScan.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b7f2c1e-8a43-4d6b-9e0f-2c4a6d8b1e37'
    Author               = 'fleet-scan contributors'
    Description          = 'PowerShell front end for fleet-scan: run a scan, read its run records as objects, compare two runs.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FunctionsToExport    = @('Invoke-FleetScan', 'Get-FleetScanRun', 'Get-FleetScanFinding', 'Compare-FleetScanRun')
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('fleet-scan', 'MARS', 'AzureBackup', 'audit')
        }
    }
}
