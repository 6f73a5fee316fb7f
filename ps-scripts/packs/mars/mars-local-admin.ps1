<#
.SYNOPSIS
    mars-local-admin: the installing/registering account is a local administrator.
.DESCRIPTION
    Fails when the scanning session is not elevated as an administrator, or when installAccount is set and
    not in the local Administrators group (found by SID S-1-5-32-544). Warns when the account may be a
    member only through a domain group, which cannot be proven locally.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsLocalAdmin -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-local-admin",
  "title": "Installing account is a local administrator",
  "failure": "Installing account not a local administrator",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "MARS setup and registration need local administrator rights. Checks the scanning session's token and, when installAccount is given, membership of the local Administrators group (S-1-5-32-544).",
  "remediation": "Run setup and registration with an account that is in the local Administrators group, or add the account to the group.",
  "source": "https://learn.microsoft.com/azure/backup/install-mars-agent",
  "tags": ["identity", "prerequisite"],
  "requires": []
}
'@

function Test-MarsLocalAdmin {
    param($Context)
    $identity = Get-FsIdentity
    if (-not $identity['isAdmin']) {
        return New-FsCheckResult -Status fail -Summary ('Session user ' + $identity['user'] + ' is not a local administrator') `
            -Evidence @('user ' + $identity['user'] + ': token not in Administrators (S-1-5-32-544)')
    }
    $evidence = @('user ' + $identity['user'] + ': token in Administrators')
    $account = Resolve-FsVar -Context $Context -Name 'installAccount'
    if (-not (Test-FsVarPresent $account)) {
        return New-FsCheckResult -Status pass -Summary ('Session user ' + $identity['user'] + ' is a local administrator') -Evidence $evidence
    }
    $members = @(Get-FsLocalGroupMember -Sid 'S-1-5-32-544')
    $names = @($members | ForEach-Object { $_['name'] })
    $leaf = ([string]$account).Split('\')[-1]
    $direct = $false
    foreach ($n in $names) {
        if ([string]::Equals($n, $account, [System.StringComparison]::OrdinalIgnoreCase)) { $direct = $true }
        if (([string]$account).IndexOf('\') -lt 0 -and [string]::Equals($n.Split('\')[-1], $leaf, [System.StringComparison]::OrdinalIgnoreCase)) { $direct = $true }
    }
    $memberText = 'Administrators members: ' + $(if ($names.Count) { $names -join ', ' } else { '(none)' })
    if ($direct) {
        return New-FsCheckResult -Status pass -Summary ('installAccount ' + $account + ' is a local administrator') `
            -Evidence ($evidence + @('installAccount ' + $account + ' is a direct member of Administrators'))
    }
    $domainGroups = @($members | Where-Object { $_['objectClass'] -eq 'Group' -and $_['name'] -match '\\' -and $_['name'] -notmatch '^(BUILTIN|NT AUTHORITY)\\' } | ForEach-Object { $_['name'] })
    if ($domainGroups.Count) {
        return New-FsCheckResult -Status warn -Summary ('Membership of installAccount ' + $account + ' in Administrators cannot be proven') `
            -Evidence ($evidence + @(('installAccount ' + $account + ' is not a direct member'), ('possible membership through domain group(s): ' + ($domainGroups -join ', ')))) `
            -Reason 'nested domain group membership cannot be resolved on the host'
    }
    New-FsCheckResult -Status fail -Summary ('installAccount ' + $account + ' is not a local administrator') `
        -Evidence ($evidence + @(('installAccount ' + $account + ' not in Administrators'), $memberText))
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsLocalAdmin'
