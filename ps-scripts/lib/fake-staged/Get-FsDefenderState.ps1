function Get-FsDefenderState {
    <#
    .SYNOPSIS
        Staged twin: the defender section, answered in the shape of the real probe.
    .DESCRIPTION
        defender: { present (default true), mode (AMRunningMode, default 'Normal'; 'not running' stands for a
        Defender switched off by another antivirus, whose cmdlets fail with 0x800106ba), realtime (live state),
        exclusionPath, exclusionProcess, exclusionsHidden (the "N/A: ..." text Defender shows instead of hidden
        exclusions) }. Absent = no Defender cmdlets.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        (Get-FsDefenderState)['active']
    #>
    [CmdletBinding()]
    param()
    $state = @{ present = $false; active = $false; mode = $null; realtime = $false; exclusionPath = @(); exclusionProcess = @(); exclusionsReadable = $true; note = $null }
    $d = Get-FsStagedEntry -Section defender
    if ($null -eq $d) { $state['note'] = 'Defender cmdlets not installed'; return $state }
    $state['present'] = $true
    if ($d.Contains('present')) { $state['present'] = [bool]$d['present'] }
    if (-not $state['present']) { $state['note'] = 'Defender cmdlets not installed'; return $state }
    $state['mode'] = 'Normal'
    if ($d['mode']) { $state['mode'] = [string]$d['mode'] }
    if ($state['mode'] -eq 'not running') {
        $state['note'] = 'Get-MpPreference failed with 0x800106ba: the Defender service is not running (another antivirus is active)'
        return $state
    }
    $state['active'] = ($state['mode'] -eq 'Normal')
    $state['realtime'] = [bool]$d['realtime']
    $state['exclusionPath'] = @($d['exclusionPath'] | Where-Object { $_ })
    $state['exclusionProcess'] = @($d['exclusionProcess'] | Where-Object { $_ })
    if ($d['exclusionsHidden']) {
        $state['exclusionsReadable'] = $false
        $state['note'] = 'exclusions not readable: ' + $d['exclusionsHidden']
        $state['exclusionPath'] = @()
        $state['exclusionProcess'] = @()
    }
    $state
}
