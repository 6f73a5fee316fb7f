function Get-FsDefenderPreference {
    <#
    .SYNOPSIS
        Microsoft Defender state: present, real-time protection on, exclusion paths and processes.
    .DESCRIPTION
        Third-party antivirus products cannot be inspected; without Get-MpPreference the answer is present = $false.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsDefenderPreference   # @{ present=$true; realtime=$true; exclusionPath=@('C:\...\Scratch'); exclusionProcess=@('cbengine.exe') }
    #>
    [CmdletBinding()]
    param()
    if (-not (Get-Command -Name Get-MpPreference -ErrorAction SilentlyContinue)) {
        return @{ present = $false; realtime = $false; exclusionPath = @(); exclusionProcess = @() }
    }
    $pref = Get-MpPreference -ErrorAction Stop
    @{
        present          = $true
        realtime         = -not [bool]$pref.DisableRealtimeMonitoring
        exclusionPath    = @($pref.ExclusionPath | Where-Object { $_ } | ForEach-Object { [string]$_ })
        exclusionProcess = @($pref.ExclusionProcess | Where-Object { $_ } | ForEach-Object { [string]$_ })
    }
}
