function Get-FsDefenderState {
    <#
    .SYNOPSIS
        Microsoft Defender Antivirus as it runs now: present, the active antivirus or not, running mode, live
        real-time protection, and the exclusion lists (or why they cannot be read).
    .DESCRIPTION
        The live state comes from Get-MpComputerStatus (AMRunningMode, RealTimeProtectionEnabled); the
        DisableRealtimeMonitoring preference is only a wish. When another antivirus has taken over, Defender's
        WMI provider answers both cmdlets with HRESULT 0x800106ba: Defender is present but not active. Any
        other failure (access denied) throws. Exclusions hidden from the account (HideExclusionsFromLocalAdmins,
        or a non-admin reader) come back as one "N/A: ..." entry: exclusionsReadable is then $false.
        Third-party antivirus products cannot be inspected.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsDefenderState   # @{ present=$true; active=$true; mode='Normal'; realtime=$true; exclusionPath=@(...); ... }
    #>
    [CmdletBinding()]
    param()
    $state = @{ present = $false; active = $false; mode = $null; realtime = $false; exclusionPath = @(); exclusionProcess = @(); exclusionsReadable = $true; note = $null }
    if (-not (Get-Command -Name Get-MpPreference -ErrorAction SilentlyContinue)) {
        $state['note'] = 'Defender cmdlets not installed'
        return $state
    }
    $state['present'] = $true
    # Another antivirus switched Defender off: its WMI provider answers every cmdlet with 0x800106ba.
    $read = @{}
    foreach ($cmdlet in @('Get-MpComputerStatus', 'Get-MpPreference')) {
        if (-not (Get-Command -Name $cmdlet -ErrorAction SilentlyContinue)) { continue }
        try { $read[$cmdlet] = & $cmdlet -ErrorAction Stop }
        catch {
            if (([string]$_.FullyQualifiedErrorId + ' ' + [string]$_.Exception.Message) -notmatch '0x800106ba') { throw }
            $state['mode'] = 'not running'
            $state['note'] = $cmdlet + ' failed with 0x800106ba: the Defender service is not running (another antivirus is active)'
            return $state
        }
    }
    $status = $read['Get-MpComputerStatus']
    $pref = $read['Get-MpPreference']
    if ($null -ne $status) {
        $mode = $status.PSObject.Properties['AMRunningMode']
        if ($mode -and $mode.Value) { $state['mode'] = [string]$mode.Value }
        elseif ([bool]$status.AntivirusEnabled) { $state['mode'] = 'Normal' }
        else { $state['mode'] = 'antivirus disabled' }
        $state['realtime'] = [bool]$status.RealTimeProtectionEnabled
    } else {
        # Platforms without Get-MpComputerStatus only have the preference to go by.
        $state['mode'] = 'Normal'
        $state['realtime'] = -not [bool]$pref.DisableRealtimeMonitoring
        $state['note'] = 'Get-MpComputerStatus not available: real-time state read from the DisableRealtimeMonitoring preference'
    }
    $state['active'] = ($state['mode'] -eq 'Normal')
    $paths = @($pref.ExclusionPath | Where-Object { $_ } | ForEach-Object { [string]$_ })
    $processes = @($pref.ExclusionProcess | Where-Object { $_ } | ForEach-Object { [string]$_ })
    $hidden = @(@($paths + $processes) | Where-Object { $_ -like 'N/A:*' })
    if ($hidden.Count) {
        $state['exclusionsReadable'] = $false
        $state['note'] = 'exclusions not readable: ' + $hidden[0]
        $paths = @($paths | Where-Object { $_ -notlike 'N/A:*' })
        $processes = @($processes | Where-Object { $_ -notlike 'N/A:*' })
    }
    $state['exclusionPath'] = $paths
    $state['exclusionProcess'] = $processes
    $state
}
