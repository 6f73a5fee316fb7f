function Invoke-FsFixAction {
    <#
    .SYNOPSIS
        The one gate every change of a fix plan goes through: only when the re-checked condition still needs it, and only through ShouldProcess.
    .DESCRIPTION
        With -Needed $false (the caller re-checked and found the condition already right) nothing is done
        and the action is logged as already done, so a second run of a plan changes nothing. Otherwise
        $PSCmdlet.ShouldProcess(Target, Action) decides: under -WhatIf it prints the action and makes no
        change; under -Confirm it asks. The change itself is one state function called by name with
        splatted arguments (no script block, so it cannot pick up a variable of this function by
        accident); what it returns is logged. A change that throws is logged as failed and the plan goes
        on with the next action.
    .PARAMETER Fix
        The fix being run (Check, Counts, LogPath, Changed).
    .PARAMETER Action
        What the change does, as -WhatIf shows it: 'Set SchUseStrongCrypto=1 (DWORD)'.
    .PARAMETER Target
        What it changes: a registry key, a folder, a service.
    .PARAMETER Needed
        The re-checked condition: $true when the change is still needed.
    .PARAMETER Found
        What the re-check found, for the log ('SchUseStrongCrypto is absent', 'already 1').
    .PARAMETER Command
        The state function that makes the change (Set-FsFixRegistryValue, Remove-FsStaleFile, ...).
    .PARAMETER Arguments
        Its arguments, splatted.
    .EXAMPLE
        Invoke-FsFixAction -Fix $Fix -Action 'Set SchUseStrongCrypto=1 (DWORD)' -Target $key -Needed ($value -ne 1) -Found ('SchUseStrongCrypto=' + $value) -Command Set-FsFixRegistryValue -Arguments @{ Path = $key; Name = 'SchUseStrongCrypto'; Value = 1; Type = 'DWord' }
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Fix,
        [Parameter(Mandatory = $true)][string]$Action,
        [Parameter(Mandatory = $true)][string]$Target,
        [Parameter(Mandatory = $true)][bool]$Needed,
        [string]$Found,
        [Parameter(Mandatory = $true)][ValidatePattern('^[A-Z][a-z]+-Fs[A-Za-z0-9]+$')][string]$Command,
        [hashtable]$Arguments = @{}
    )
    if (-not $Needed) {
        Write-FsFixOutcome -Fix $Fix -Result already -Action $Action -Target $Target -Message $Found
        return
    }
    if (-not $PSCmdlet.ShouldProcess($Target, $Action)) {
        $result = 'declined'
        if ($WhatIfPreference) { $result = 'whatif' }
        Write-FsFixOutcome -Fix $Fix -Result $result -Action $Action -Target $Target -Message $Found
        return
    }
    try {
        $said = & $Command @Arguments
        Write-FsFixOutcome -Fix $Fix -Result changed -Action $Action -Target $Target -Message (@($said) -join '; ')
    }
    catch {
        Write-FsFixOutcome -Fix $Fix -Result failed -Action $Action -Target $Target -Message ([string]$_.Exception.Message).Split("`n")[0].Trim()
    }
}
