function Get-FsRegisteredPack {
    <#
    .SYNOPSIS
        The pack manifest and check registry the bundle registered; throws when no pack was loaded.
    .EXAMPLE
        $loaded = Get-FsRegisteredPack; $loaded['Pack']['name']; $loaded['Registry'].Count
    #>
    [CmdletBinding()]
    param()
    $pack = Get-Variable -Name FsPack -Scope Global -ValueOnly -ErrorAction SilentlyContinue
    $registry = Get-Variable -Name FsCheckRegistry -Scope Global -ValueOnly -ErrorAction SilentlyContinue
    if ($null -eq $pack -or $null -eq $registry) { throw 'no pack loaded: the bundle did not register a pack and its checks' }
    @{ Pack = $pack; Registry = $registry }
}
