function ConvertTo-FsFixFunctionName {
    <#
    .SYNOPSIS
        The repair function of a check: mars-tls12-dotnet -> Repair-MarsTls12Dotnet.
    .PARAMETER Check
        The check id (lower-case letters, digits and dashes).
    .EXAMPLE
        ConvertTo-FsFixFunctionName -Check 'mars-clock-skew'   # Repair-MarsClockSkew
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidatePattern('^[a-z0-9][a-z0-9-]{1,80}$')][string]$Check)
    'Repair-' + ((@($Check.Split('-')) | Where-Object { $_ } | ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) }) -join '')
}
