function New-FsCheckResult {
    <#
    .SYNOPSIS
        Builds the one result a check returns.
    .PARAMETER Status
        pass, warn, fail, skipped or error.
    .PARAMETER Summary
        One line a reader of the report understands without the evidence.
    .PARAMETER Evidence
        The observed values that decided the status, one string each.
    .PARAMETER Reason
        Why the check was skipped or could not decide.
    .PARAMETER Facts
        Values worth keeping for later checks or the report.
    .EXAMPLE
        New-FsCheckResult -Status fail -Summary '.NET Framework older than 4.8' -Evidence '.NET release 461808 < 528040 (4.8)'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateSet('pass', 'warn', 'fail', 'skipped', 'error')][string]$Status,
        [Parameter(Mandatory = $true)][string]$Summary,
        [string[]]$Evidence = @(),
        [string]$Reason,
        [hashtable]$Facts
    )
    $result = [ordered]@{
        status   = $Status
        summary  = ($Summary -replace '\s*[\r\n]+\s*', ' ')
        # A loop, not Where-Object: a fleet check builds one result per host, and a pipeline per call adds up.
        evidence = @(foreach ($line in $Evidence) { if (-not [string]::IsNullOrEmpty($line)) { $line } })
    }
    if ($Reason) { $result['reason'] = ($Reason -replace '\s*[\r\n]+\s*', ' ') }
    if ($null -ne $Facts) { $result['facts'] = $Facts }
    $result
}
