<#
.SYNOPSIS
    mars-dotnet-version: .NET Framework 4.8 (release 528040) or later is installed.
.DESCRIPTION
    Reads Release under NDP\v4\Full. Below dotnetMinimumRelease fails. When a fleet lowers the floor to
    379893 (4.5.2) for an older agent build, releases between the floor and 4.8 warn.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsDotnetVersion -Context $context   # fail: .NET release 461808 (4.7.2) < 528040 (4.8)
#>
$FsCheckMetadata = @'
{
  "id": "mars-dotnet-version",
  "title": ".NET Framework 4.8 or later installed",
  "failure": ".NET Framework older than 4.8",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "The current MARS installer needs .NET Framework 4.8 (the seeds name 4.5.2 as the older floor). Reads the Release DWORD under HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full.",
  "remediation": "Install .NET Framework 4.8 (or 4.8.1) before running the MARS installer; reboot if setup asks.",
  "source": "https://learn.microsoft.com/dotnet/framework/install/how-to-determine-which-versions-are-installed",
  "tags": ["dotnet", "prerequisite"],
  "requires": []
}
'@

function Test-MarsDotnetVersion {
    param($Context)
    $releases = @(@(533320, '4.8.1'), @(528040, '4.8'), @(461808, '4.7.2'), @(394802, '4.6.2'), @(379893, '4.5.2'))
    $nameOf = {
        param($Release)
        foreach ($r in $releases) { if ($Release -ge $r[0]) { return $r[1] } }
        'older than 4.5.2'
    }
    $minimum = [int](Resolve-FsVar -Context $Context -Name 'dotnetMinimumRelease')
    $release = Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' -Name 'Release'
    if ($null -eq $release) {
        return New-FsCheckResult -Status fail -Summary '.NET Framework 4.x not found' -Evidence @('NDP\v4\Full Release absent')
    }
    $release = [int]$release
    $have = & $nameOf $release
    if ($release -lt 379893 -or $release -lt $minimum) {
        return New-FsCheckResult -Status fail -Summary ('.NET Framework ' + $have + ' is older than ' + (& $nameOf $minimum)) `
            -Evidence @('.NET release ' + $release + ' (' + $have + ') < ' + $minimum + ' (' + (& $nameOf $minimum) + ')')
    }
    if ($release -lt 528040) {
        return New-FsCheckResult -Status warn -Summary ('.NET Framework ' + $have + ' meets the lowered floor but the current installer needs 4.8') `
            -Evidence @('.NET release ' + $release + ' (' + $have + ') >= ' + $minimum + ' but < 528040 (4.8)')
    }
    New-FsCheckResult -Status pass -Summary ('.NET Framework ' + $have + ' installed') -Evidence @('.NET release ' + $release + ' (' + $have + ') >= ' + $minimum)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsDotnetVersion'
