function ConvertFrom-FleetScanJson {
    <#
    .SYNOPSIS
        Parses JSON text into objects, keeping ISO date strings as strings on every PowerShell version.
    .DESCRIPTION
        Windows PowerShell 5.1 keeps dates as strings; PowerShell 7 turns them into [datetime] unless told
        -DateKind String (7.5 and later). The parameter is passed only where it exists, by splatting, so the
        same code runs on both; on 7.0-7.4 ConvertTo-FleetScanText turns such dates back into ISO text.
    .PARAMETER Text
        The JSON text.
    .EXAMPLE
        $record = ConvertFrom-FleetScanJson -Text ([System.IO.File]::ReadAllText($path))
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowEmptyString()][string]$Text)
    $options = @{ InputObject = $Text }
    if ((Get-Command -Name ConvertFrom-Json).Parameters.ContainsKey('DateKind')) { $options['DateKind'] = 'String' }
    ConvertFrom-Json @options
}
