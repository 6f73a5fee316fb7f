function Test-FsIpInPrefix {
    <#
    .SYNOPSIS
        Tells whether an IPv4 address lies in any of the given CIDR prefixes.
    .PARAMETER Address
        Dotted IPv4 address; IPv6 gives $false.
    .PARAMETER Prefix
        CIDR prefixes such as '10.0.0.0/8'.
    .EXAMPLE
        Test-FsIpInPrefix -Address '10.1.2.4' -Prefix '10.0.0.0/8'   # True
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Address, [string[]]$Prefix = @())
    $ip = $null
    if (-not [System.Net.IPAddress]::TryParse($Address, [ref]$ip)) { return $false }
    if ($ip.AddressFamily -ne [System.Net.Sockets.AddressFamily]::InterNetwork) { return $false }
    $bytes = $ip.GetAddressBytes()
    $value = ([uint32]$bytes[0] * 16777216) + ([uint32]$bytes[1] * 65536) + ([uint32]$bytes[2] * 256) + [uint32]$bytes[3]
    foreach ($p in $Prefix) {
        $parts = $p.Split('/')
        $net = $null
        if (-not [System.Net.IPAddress]::TryParse($parts[0], [ref]$net)) { continue }
        $bits = 32
        if ($parts.Count -gt 1) { $bits = [int]$parts[1] }
        $nb = $net.GetAddressBytes()
        $netValue = ([uint32]$nb[0] * 16777216) + ([uint32]$nb[1] * 65536) + ([uint32]$nb[2] * 256) + [uint32]$nb[3]
        $size = [math]::Pow(2, 32 - $bits)
        if ([math]::Floor($value / $size) -eq [math]::Floor($netValue / $size)) { return $true }
    }
    $false
}
