<#
.SYNOPSIS
    Runs the pack's fleet-side checks on the controller, over every host's results at once.
.DESCRIPTION
    This runs only in the controller's pwsh 7 worker, so the payload is decoded here with
    ConvertFrom-Json -AsHashtable: for 5,000 hosts the 5.1 path (PSCustomObjects, then hashtables) leaves
    some 80 MB of garbage at its peak, -AsHashtable builds the hashtables directly.
#>
param([string]$Bundle, [string]$Payload)
. ([scriptblock]::Create($Bundle))
$decoded = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Payload)) | ConvertFrom-Json -AsHashtable
Invoke-FleetScanFleetChecks -Payload $decoded
