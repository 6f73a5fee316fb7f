function ConvertTo-FleetScanArgument {
    <#
    .SYNOPSIS
        The argument list for `fleet-scan scan` from the parameters bound to Invoke-FleetScan, one flag per parameter.
    .DESCRIPTION
        Returns an array of single arguments (never one command string), so values with spaces or shell
        characters reach the CLI unchanged. Parameters the caller did not give are left to the CLI's defaults.
    .PARAMETER Bound
        $PSBoundParameters of Invoke-FleetScan.
    .EXAMPLE
        ConvertTo-FleetScanArgument -Bound @{ Inventory = 'servers.json'; Checks = @('mars-clock-skew', 'mars-net-endpoints'); Quiet = [switch]$true }
        # --inventory servers.json --checks mars-clock-skew,mars-net-endpoints --quiet
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param([Parameter(Mandatory = $true)][System.Collections.IDictionary]$Bound)
    $arguments = New-Object System.Collections.Generic.List[string]
    $map = Get-FleetScanFlagMap
    foreach ($name in @($map.Keys)) {
        if (@($Bound.Keys) -notcontains $name) { continue }
        $value = $Bound[$name]
        $flag = $map[$name]['Flag']
        switch ($map[$name]['Kind']) {
            'Value' {
                $arguments.Add($flag)
                $arguments.Add([System.Convert]::ToString($value, [System.Globalization.CultureInfo]::InvariantCulture))
            }
            'List' {
                $arguments.Add($flag)
                $arguments.Add((@($value) | ForEach-Object { [string]$_ }) -join ',')
            }
            'Switch' { if ([bool]$value) { $arguments.Add($flag) } }
            'Negatable' {
                if ([bool]$value) { $arguments.Add($flag) } else { $arguments.Add('--no-' + $flag.Substring(2)) }
            }
        }
    }
    $arguments.ToArray()
}
