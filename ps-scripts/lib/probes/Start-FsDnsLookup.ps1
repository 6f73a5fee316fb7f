function Start-FsDnsLookup {
    <#
    .SYNOPSIS
        Starts a DNS lookup of one name and returns its task (Dns.GetHostAddressesAsync), so probes can mock it.
    .DESCRIPTION
        The task's result lists every address in the order the resolver gave them (IPv6 first on a dual-stack
        host with a global IPv6 address).
    .PARAMETER HostName
        The name to resolve.
    .EXAMPLE
        $task = Start-FsDnsLookup -HostName 'login.microsoftonline.com'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$HostName)
    [System.Net.Dns]::GetHostAddressesAsync($HostName)
}
