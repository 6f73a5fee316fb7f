function Test-FsProxyBypass {
    <#
    .SYNOPSIS
        Tells whether a host name is on a proxy bypass list (WinINET ProxyOverride or WinHTTP bypass), so it
        is reached directly.
    .DESCRIPTION
        Entries are wildcards matched case-insensitively ('*.microsoftonline.com'); '<local>' matches names
        without a dot.
    .PARAMETER HostName
        The endpoint.
    .PARAMETER Bypass
        The list entries.
    .EXAMPLE
        Test-FsProxyBypass -HostName 'login.microsoftonline.com' -Bypass @('*.microsoftonline.com', '<local>')   # True
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$HostName, [string[]]$Bypass = @())
    foreach ($entry in $Bypass) {
        $e = $entry.Trim()
        if (-not $e) { continue }
        if ($e -eq '<local>') { if ($HostName.IndexOf('.') -lt 0) { return $true }; continue }
        if ($HostName -like $e) { return $true }
    }
    $false
}
