function Initialize-FsProbeLibrary {
    <#
    .SYNOPSIS
        Staged twin: prepares the staged probe library of a lab host for one run.
    .DESCRIPTION
        Staged relative times (ageDays, offsetSeconds) count from the controller's time of the run, so a state
        file never goes stale. The state is read once here and handed to every check runspace; when it cannot
        be read, each staged probe throws the reason, so each check reports it as error.
    .PARAMETER ControllerUtc
        The controller's UTC time of this run.
    .EXAMPLE
        $probes = Initialize-FsProbeLibrary -ControllerUtc $controllerUtc; $probes['Staged']   # True
    #>
    param([datetime]$ControllerUtc)
    Set-Variable -Name FsStagedReferenceUtc -Scope Global -Value $ControllerUtc
    $variables = @{ FsStagedReferenceUtc = $ControllerUtc }
    try { $variables['FsStagedState'] = Get-FsStagedState } catch { $variables.Remove('FsStagedState') }
    @{ Staged = $true; Variables = $variables }
}
