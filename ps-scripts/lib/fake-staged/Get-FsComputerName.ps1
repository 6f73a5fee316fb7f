function Get-FsComputerName {
    <#
    .SYNOPSIS
        Staged twin: the computer section (computerName, dnsHostName, domain).
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        (Get-FsComputerName)['computerName']
    #>
    [CmdletBinding()]
    param()
    $c = Get-FsStagedEntry -Section computer
    if ($null -eq $c) { $c = @{} }
    $name = [string]$c['computerName']
    if (-not $name) { $name = [System.Environment]::MachineName.ToUpperInvariant() }
    @{ computerName = $name; dnsHostName = $c['dnsHostName']; domain = $c['domain'] }
}
