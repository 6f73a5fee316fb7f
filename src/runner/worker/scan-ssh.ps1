<#
.SYNOPSIS
    Scans one host over PowerShell remoting on SSH (the target needs PowerShell 7 and the subsystem).
.DESCRIPTION
    Always bounded: -ConnectingTimeout covers TCP, banner, key exchange, auth and subsystem start (its
    default is infinite). The ssh options (BatchMode, host key checking, keep-alives, known_hosts) come
    from the controller's one list (src/runner/ssh-options.ts), the same the ssh-exec command line uses.
#>
param([string]$HostName, [int]$Port, [string]$UserName, [string]$KeyFile, [hashtable]$SshOptions,
      [int]$ConnectMs, [string]$Subsystem, [string]$Bundle, [string]$Payload, [string]$SessionCode, [string]$StageMarker)
$ErrorActionPreference = 'Stop'
. ([scriptblock]::Create($SessionCode))  # defines Invoke-FsPackInSession and Write-FsStageFrame, shared by the scan scripts
$connect = @{ HostName = $HostName; Port = $Port; Subsystem = $Subsystem; ConnectingTimeout = $ConnectMs; Options = $SshOptions }
if ($UserName) { $connect.UserName = $UserName }
if ($KeyFile) { $connect.KeyFilePath = $KeyFile }
try { $session = New-PSSession @connect }
catch { Write-FsStageFrame -StageMarker $StageMarker -Stage 'connect-failed' -Message $_.Exception.Message; return }
Invoke-FsPackInSession -Session $session -Bundle $Bundle -Payload $Payload -StageMarker $StageMarker
