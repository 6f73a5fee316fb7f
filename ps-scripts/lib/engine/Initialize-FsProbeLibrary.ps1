function Initialize-FsProbeLibrary {
    <#
    .SYNOPSIS
        Prepares the probe library for one run; says whether it reads real Windows state and what the check runspaces must share.
    .DESCRIPTION
        The real probes need nothing. A lab host's bundle replaces this function with its staged twin, which
        points the staged library at the run's reference time.
    .PARAMETER ControllerUtc
        The controller's UTC time of this run.
    .EXAMPLE
        $probes = Initialize-FsProbeLibrary -ControllerUtc $controllerUtc; $probes['Staged']   # False
    #>
    param([datetime]$ControllerUtc)
    @{ Staged = $false; Variables = @{} }
}
