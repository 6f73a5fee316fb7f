function Register-FsPack {
    <#
    .SYNOPSIS
        Records the pack manifest (pack.json) so Resolve-FsVar can fall back to its var defaults.
    .PARAMETER Json
        The text of pack.json.
    .EXAMPLE
        Register-FsPack -Json (Get-Content -Raw ps-scripts/packs/mars/pack.json)
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Json)
    $pack = ConvertTo-FsHashtable -InputObject (ConvertFrom-Json -InputObject $Json)
    Set-Variable -Name FsPack -Scope Global -Value $pack
}
