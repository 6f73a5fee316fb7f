<#
.SYNOPSIS
    Scans one host over WinRM (New-PSSession -ComputerName); works only from a Windows controller.
.DESCRIPTION
    The password arrives as a value (from the environment variable the inventory names, or a prompt),
    never in source text or on a command line. Open and operation timeouts bound a silent endpoint.
#>
param([string]$ComputerName, [int]$Port, [bool]$UseSsl, [string]$UserName, [string]$Secret,
      [int]$ConnectMs, [string]$Bundle, [string]$Payload, [string]$SessionCode, [string]$StageMarker)
$ErrorActionPreference = 'Stop'
. ([scriptblock]::Create($SessionCode))  # defines Invoke-FsPackInSession and Write-FsStageFrame, shared by the scan scripts
$connect = @{ ComputerName = $ComputerName; Port = $Port; UseSSL = $UseSsl
              SessionOption = (New-PSSessionOption -OpenTimeout $ConnectMs -CancelTimeout 5000) }
if ($UserName) {
    $password = ConvertTo-SecureString -String $Secret -AsPlainText -Force
    $connect.Credential = New-Object System.Management.Automation.PSCredential ($UserName, $password)
}
try { $session = New-PSSession @connect }
catch { Write-FsStageFrame -StageMarker $StageMarker -Stage 'connect-failed' -Message $_.Exception.Message; return }
Invoke-FsPackInSession -Session $session -Bundle $Bundle -Payload $Payload -StageMarker $StageMarker
