function Get-FsComputerName {
    <#
    .SYNOPSIS
        The host's NetBIOS name, DNS host name and domain (what a vault sees when the agent registers).
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsComputerName   # @{ computerName='FS01'; dnsHostName='fs01'; domain='contoso.local' }
    #>
    [CmdletBinding()]
    param()
    $name = $env:COMPUTERNAME
    if (-not $name) { $name = [System.Environment]::MachineName }
    $dnsHostName = $null
    $domain = $null
    if (Get-Command -Name Get-CimInstance -ErrorAction SilentlyContinue) {
        $system = Get-CimInstance -ClassName Win32_ComputerSystem -Property DNSHostName, Domain -ErrorAction SilentlyContinue
        if ($system) { $dnsHostName = [string]$system.DNSHostName; $domain = [string]$system.Domain }
    }
    @{ computerName = $name; dnsHostName = $dnsHostName; domain = $domain }
}
