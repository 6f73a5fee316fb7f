function Invoke-FsFixPlan {
    <#
    .SYNOPSIS
        Runs a fix plan on the host it was written for: each scripted fix, then the manual steps; returns the exit code.
    .DESCRIPTION
        Refuses (exit 2) on another computer than the one the run record names, and, unless -WhatIf, in a
        session without administrator rights. Otherwise opens the log (not under -WhatIf), calls the
        repair function of each check in -Repair that the plan data has a finding for, in order, lists
        what to do after a fix that changed something, lists the manual steps, and ends with one summary
        line. A repair that throws (it could not read the state it must re-check) is logged as failed;
        the others still run. Returns 0, or 1 when an action failed.
    .PARAMETER Plan
        The plan data (decoded from the plan's base64 JSON): host, computerName, runId, fixes (by check id), steps.
    .PARAMETER Repair
        The checks whose repair functions this plan holds, in the order to run them.
    .PARAMETER LogPath
        The log file; default <ScriptRoot>\<host>-fix-<UTC time>.log.
    .PARAMETER ScriptRoot
        The folder of the plan script.
    .EXAMPLE
        exit (Invoke-FsFixPlan -Plan $FsPlan -Repair @('mars-tls12-dotnet') -LogPath $LogPath -ScriptRoot $PSScriptRoot)
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Plan,
        [string[]]$Repair = @(),
        [string]$LogPath,
        [string]$ScriptRoot
    )
    $whatIf = [bool]$WhatIfPreference
    Initialize-FsFixState
    $name = [string]$Plan['host']
    $expected = [string]$Plan['computerName']
    $computer = [string](Get-FsComputerName)['computerName']
    if ($expected -and -not [string]::Equals($expected, $computer, [System.StringComparison]::OrdinalIgnoreCase)) {
        # One line, no error record: a refusal is an answer, not a crash.
        $Host.UI.WriteErrorLine('This plan is for ' + $expected + ' (' + $name + '); this computer is ' + $computer + '. Run it on ' + $expected + '.')
        return 2
    }
    $identity = Get-FsIdentity
    if (-not $whatIf -and -not $identity['isAdmin']) {
        $Host.UI.WriteErrorLine('Not elevated: run the plan from PowerShell started with Run as administrator (or with -WhatIf to see the changes).')
        return 2
    }
    $log = $null
    if (-not $whatIf) {
        $log = $LogPath
        if (-not $log) {
            $folder = $ScriptRoot
            if (-not $folder) { $folder = (Get-Location).ProviderPath }
            $log = Join-Path $folder ($name + '-fix-' + [datetime]::UtcNow.ToString('yyyyMMddTHHmmssZ', [System.Globalization.CultureInfo]::InvariantCulture) + '.log')
        }
    }
    $counts = @{ changed = 0; already = 0; whatif = 0; declined = 0; failed = 0; steps = 0 }
    Write-FsFixLog -Path $log -Text ('fleet-scan fix plan for ' + $name + ' (run ' + $Plan['runId'] + '), on ' + $computer + ' as ' + $identity['user'] + ', PowerShell ' + $PSVersionTable.PSVersion)
    $fixes = $Plan['fixes']
    if ($null -eq $fixes) { $fixes = @{} }
    foreach ($check in $Repair) {
        $finding = $fixes[$check]
        if ($null -eq $finding) { continue }
        $fix = @{ Check = $check; Finding = $finding; Counts = $counts; LogPath = $log; Changed = 0 }
        Write-FsFixLog -Path $log -Text ('fix      ' + $check + ': ' + $finding['title'] + ' (finding: ' + $finding['status'] + ', ' + $finding['summary'] + ')')
        try { & (ConvertTo-FsFixFunctionName -Check $check) -Fix $fix }
        catch {
            $counts['failed'] = $counts['failed'] + 1
            $line = 'failed   ' + $check + ': ' + ([string]$_.Exception.Message).Split("`n")[0].Trim()
            Write-FsFixLog -Path $log -Text $line
            Write-Warning -Message $line
        }
        if ($fix['Changed'] -and $finding['after']) { Write-FsFixStep -Fix $fix -Text ('afterwards: ' + $finding['after']) }
    }
    foreach ($entry in @($Plan['steps'])) {
        if ($null -eq $entry) { continue }
        $list = @{ Check = [string]$entry['check']; Counts = $counts; LogPath = $log }
        foreach ($step in @($entry['steps'])) { Write-FsFixStep -Fix $list -Text ([string]$step) }
    }
    $summary = $name + ': ' + $counts['changed'] + ' changed, ' + $counts['already'] + ' already done, ' + $counts['failed'] + ' failed, ' + $counts['steps'] + ' manual steps'
    if ($whatIf) { $summary = $name + ': ' + $counts['whatif'] + ' changes shown by -WhatIf (none made), ' + $counts['already'] + ' already done, ' + $counts['steps'] + ' manual steps' }
    if ($counts['declined']) { $summary += ', ' + $counts['declined'] + ' declined' }
    if ($log) { $summary += '; log ' + $log }
    Write-FsFixLog -Path $log -Text ('done     ' + $summary)
    Write-Host $summary
    if ($counts['failed']) { return 1 }
    0
}
