<#
.SYNOPSIS
    mars-os-supported: OS version, edition and bitness are supported by the MARS agent.
.DESCRIPTION
    Fails on 32-bit Windows and on versions older than Windows Server 2008 SP2 or unknown product lines;
    warns on end-of-support versions (6.0 servers, 6.1) and on server builds the support matrix does not
    list (its 11/2025 revision lists 2016, 2019, 2022 and 2025, build 26100).
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsOsSupported -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-os-supported",
  "title": "Operating system version and bitness are supported",
  "failure": "Unsupported Windows version or 32-bit Windows",
  "phase": "install",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "The MARS agent supports 64-bit Windows Server 2012 to 2025 and Windows 8 to 11; Windows 7, Server 2008 R2 and 2008 SP2 are end of support; anything else is unsupported.",
  "remediation": "Move the workload to a supported 64-bit Windows version, or accept the end-of-support risk for Windows Server 2008 (R2) and Windows 7.",
  "source": "https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent",
  "tags": ["os", "prerequisite"],
  "requires": []
}
'@

function Test-MarsOsSupported {
    param($Context)
    $os = Get-FsOsInfo
    $described = $os['caption'] + ', version ' + $os['version'] + ', ProductType ' + $os['productType'] + ', ' + $os['osArchitecture']
    $evidence = @($described)
    if ($os['osArchitecture'] -notmatch '64') {
        return New-FsCheckResult -Status fail -Summary ('32-bit Windows is not supported (' + $os['osArchitecture'] + ')') -Evidence ($evidence + @('OSArchitecture ' + $os['osArchitecture'] + ' is not 64-bit'))
    }
    $version = ConvertTo-FsVersion $os['version']
    if ($null -eq $version) { throw ('unreadable OS version: ' + $os['version']) }
    $build = [int]$os['buildNumber']
    $isClient = ([int]$os['productType'] -eq 1)
    $majorMinor = [string]$version.Major + '.' + [string]$version.Minor
    switch ($majorMinor) {
        '10.0' {
            if ($isClient) {
                $name = 'Windows 10'
                if ($build -ge 22000) { $name = 'Windows 11' }
                return New-FsCheckResult -Status pass -Summary ($name + ' 64-bit is supported') -Evidence $evidence
            }
            $servers = @{ 14393 = 'Windows Server 2016'; 17763 = 'Windows Server 2019'; 20348 = 'Windows Server 2022'; 26100 = 'Windows Server 2025' }
            if ($servers.Contains($build)) {
                return New-FsCheckResult -Status pass -Summary ($servers[$build] + ' is supported') -Evidence ($evidence + @('build ' + $build + ' = ' + $servers[$build] + ', in the support matrix'))
            }
            if ($build -gt 26100) {
                return New-FsCheckResult -Status warn -Summary ('Windows Server build ' + $build + ' is newer than the support matrix') -Evidence ($evidence + @('build ' + $build + ' > 26100 (Windows Server 2025, the newest server in the matrix)'))
            }
            return New-FsCheckResult -Status warn -Summary ('Windows Server build ' + $build + ' is not listed in the support matrix') -Evidence ($evidence + @('build ' + $build + ' not one of 14393, 17763, 20348, 26100 (a semi-annual channel release?)'))
        }
        { $_ -eq '6.3' -or $_ -eq '6.2' } {
            return New-FsCheckResult -Status pass -Summary ('Windows ' + $majorMinor + ' (' + $os['caption'] + ') is supported') -Evidence $evidence
        }
        '6.1' {
            return New-FsCheckResult -Status warn -Summary 'Windows Server 2008 R2 / Windows 7 is end of support' -Evidence ($evidence + @('version 6.1: end of support, upgrade strongly recommended'))
        }
        '6.0' {
            if (-not $isClient) {
                return New-FsCheckResult -Status warn -Summary 'Windows Server 2008 SP2 is end of support' -Evidence ($evidence + @('version 6.0 server: end of support; needs Virtual Server 2005 base and KB948515'))
            }
        }
    }
    New-FsCheckResult -Status fail -Summary ('Windows version ' + $os['version'] + ' is not supported') -Evidence ($evidence + @('version ' + $os['version'] + ' ProductType ' + $os['productType'] + ' is not in the support matrix'))
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsOsSupported'
