function Resolve-FsVar {
    <#
    .SYNOPSIS
        Reads one pack var for this host: the inventory value, else the default from pack.json, else $null.
    .PARAMETER Context
        The check context (its Vars hashtable holds the inventory values).
    .PARAMETER Name
        The var name as declared in pack.json.
    .EXAMPLE
        $minimum = Resolve-FsVar -Context $Context -Name 'dotnetMinimumRelease'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]$Context,
        [Parameter(Mandatory = $true)][string]$Name
    )
    $value = $null
    $vars = $Context['Vars']
    if ($null -ne $vars -and $vars.Contains($Name)) { $value = $vars[$Name] }
    if ($null -eq $value) {
        $pack = Get-Variable -Name FsPack -Scope Global -ValueOnly -ErrorAction SilentlyContinue
        if ($null -ne $pack -and $null -ne $pack['vars'] -and $pack['vars'].Contains($Name)) {
            $value = $pack['vars'][$Name]['default']
        }
    }
    # Keep arrays whole: a one-element string[] must not collapse into a string.
    if ($value -is [System.Collections.IList] -and $value -isnot [string]) { return $value }
    $value
}
