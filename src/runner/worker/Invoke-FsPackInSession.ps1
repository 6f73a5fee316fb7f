<#
.SYNOPSIS
    Runs the check bundle in an open remote session and writes its framed lines as output.
.DESCRIPTION
    Shared by the controller-side scan scripts: only how the session is opened differs. The payload goes
    as an argument, never as source text. Output strings stream back as the remote side writes them, so
    a host cut off by its deadline still returns the checks it finished. Stage frames carry a marker the
    target is never told, so nothing it prints can pass for one.
.EXAMPLE
    Invoke-FsPackInSession -Session $s -Bundle $bundle -Payload $payloadBase64 -StageMarker $m
#>
function Write-FsStageFrame {
    param([Parameter(Mandatory)] [string]$StageMarker, [Parameter(Mandatory)] [string]$Stage, [string]$Message = '')
    $json = ConvertTo-Json -Compress -InputObject @{ stage = $Stage; message = $Message }
    Write-Output ($StageMarker + ' stage ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)))
}

function Invoke-FsPackInSession {
    param([Parameter(Mandatory)] $Session, [Parameter(Mandatory)] [string]$Bundle, [Parameter(Mandatory)] [string]$Payload,
          [Parameter(Mandatory)] [string]$StageMarker)
    Write-FsStageFrame -StageMarker $StageMarker -Stage 'connected'
    try {
        $sb = [scriptblock]::Create($Bundle + "`nInvoke-FleetScanPack -PayloadBase64 `$args[0]")
        Invoke-Command -Session $Session -ScriptBlock $sb -ArgumentList $Payload
    } catch {
        Write-FsStageFrame -StageMarker $StageMarker -Stage 'invoke-failed' -Message $_.Exception.Message
    } finally {
        Remove-PSSession -Session $Session -ErrorAction SilentlyContinue
    }
}
