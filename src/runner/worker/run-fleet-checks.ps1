<#
.SYNOPSIS
    Runs the pack's fleet-side checks on the controller, over every host's results at once.
#>
param([string]$Bundle, [string]$Payload)
. ([scriptblock]::Create($Bundle))
Invoke-FleetScanFleetChecks -PayloadBase64 $Payload
