function Resolve-FsAccountSid {
    <#
    .SYNOPSIS
        Staged twin: accounts["<name>"] is the SID the name resolves to (any form: DOMAIN\user, UPN, bare name).
    .DESCRIPTION
        An unlisted name does not resolve ($null); an entry { "error": "..." } throws, like an unreachable
        domain controller.
    .PARAMETER Name
        The account name.
    .EXAMPLE
        Resolve-FsAccountSid -Name 'svc-backup@contoso.com'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Name)
    $accounts = Get-FsStagedEntry -Section accounts
    if ($accounts -isnot [System.Collections.IDictionary]) { return $null }
    foreach ($k in @($accounts.Keys)) {
        if ([string]::Equals($k, $Name, [System.StringComparison]::OrdinalIgnoreCase)) { return [string](Get-FsStagedEntry -Section accounts -Key $k) }
    }
    $null
}
