<#
.SYNOPSIS
    Scans one host over PowerShell remoting on SSH (the target needs PowerShell 7 and the subsystem).
.DESCRIPTION
    Always bounded: -ConnectingTimeout covers TCP, banner, key exchange, auth and subsystem start (its
    default is infinite); keep-alives turn a frozen peer into an error. BatchMode stops any prompt.
#>
param([string]$HostName, [int]$Port, [string]$UserName, [string]$KeyFile, [string]$KnownHosts,
      [int]$ConnectMs, [string]$Subsystem, [string]$Bundle, [string]$Payload, [string]$SessionCode, [string]$StageMarker)
$ErrorActionPreference = 'Stop'
. ([scriptblock]::Create($SessionCode))  # defines Invoke-FsPackInSession and Write-FsStageFrame, shared by the scan scripts
$options = @{ BatchMode = 'yes'; StrictHostKeyChecking = 'yes'; LogLevel = 'ERROR'
              ServerAliveInterval = '5'; ServerAliveCountMax = '3' }
if ($KnownHosts) { $options.UserKnownHostsFile = $KnownHosts; $options.GlobalKnownHostsFile = '/dev/null' }
$connect = @{ HostName = $HostName; Port = $Port; Subsystem = $Subsystem; ConnectingTimeout = $ConnectMs; Options = $options }
if ($UserName) { $connect.UserName = $UserName }
if ($KeyFile) { $connect.KeyFilePath = $KeyFile }
try { $session = New-PSSession @connect }
catch { Write-FsStageFrame -StageMarker $StageMarker -Stage 'connect-failed' -Message $_.Exception.Message; return }
Invoke-FsPackInSession -Session $session -Bundle $Bundle -Payload $Payload -StageMarker $StageMarker
