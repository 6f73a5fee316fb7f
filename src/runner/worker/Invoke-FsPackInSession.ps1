<#
.SYNOPSIS
    Runs the check bundle in an open remote session and writes its framed lines as output.
.DESCRIPTION
    Shared by the ssh and winrm scan scripts: only how the session is opened differs. The payload goes
    as an argument, never as source text. Output strings stream back as the remote side writes them, so
    a host cut off by its deadline still returns the checks it finished.
.EXAMPLE
    Invoke-FsPackInSession -Session $s -Bundle $bundle -Payload $payloadBase64
#>
function Invoke-FsPackInSession {
    param([Parameter(Mandatory)] $Session, [Parameter(Mandatory)] [string]$Bundle, [Parameter(Mandatory)] [string]$Payload)
    Write-Output 'FSSTAGE connected'
    try {
        $sb = [scriptblock]::Create($Bundle + "`nInvoke-FleetScanPack -PayloadBase64 `$args[0]")
        Invoke-Command -Session $Session -ScriptBlock $sb -ArgumentList $Payload
    } catch {
        Write-Output ('FSSTAGE invoke-failed ' + $_.Exception.Message)
    } finally {
        Remove-PSSession -Session $Session -ErrorAction SilentlyContinue
    }
}
