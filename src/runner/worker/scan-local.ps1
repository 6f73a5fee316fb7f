<#
.SYNOPSIS
    Runs the check bundle on the controller itself (the `local` transport): no remoting.
#>
param([string]$Bundle, [string]$Payload, [string]$StageMarker)
. ([scriptblock]::Create($Bundle))
Invoke-FleetScanPack -PayloadBase64 $Payload
