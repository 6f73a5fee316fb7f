function Start-FsTcpConnect {
    <#
    .SYNOPSIS
        Starts a TCP connect to one address and returns the client and its task, so probes can mock it.
    .DESCRIPTION
        A socket that cannot even be created (no IPv6 stack) comes back as a faulted task, like a refused
        connect, so the caller treats every address the same way.
    .PARAMETER Address
        The System.Net.IPAddress to connect to.
    .PARAMETER Port
        The TCP port.
    .EXAMPLE
        $c = Start-FsTcpConnect -Address ([System.Net.IPAddress]::Parse('198.51.100.10')) -Port 443; $c['task']
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][System.Net.IPAddress]$Address, [Parameter(Mandatory = $true)][int]$Port)
    try {
        $client = New-Object System.Net.Sockets.TcpClient($Address.AddressFamily)
        return @{ client = $client; task = $client.ConnectAsync($Address, $Port) }
    } catch {
        $source = New-Object 'System.Threading.Tasks.TaskCompletionSource[bool]'
        $source.SetException($_.Exception.GetBaseException())
        return @{ client = $null; task = $source.Task }
    }
}
