<#
.SYNOPSIS
    mars-vcredist-2008r2: VC++ 2008 x64 runtime present on Windows Server 2008 R2.
.DESCRIPTION
    On Windows Server 2008 R2 (6.1, not a client) the installer fails with "Unable to execute the embedded
    application" without the Visual C++ 2008 x64 redistributable (KB 2934202). Skipped on other OS versions.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsVcredist2008r2 -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-vcredist-2008r2",
  "title": "VC++ 2008 x64 runtime on Windows Server 2008 R2",
  "failure": "VC++ 2008 x64 runtime missing on Windows Server 2008 R2",
  "phase": "install",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "Windows Server 2008 R2 without the Microsoft Visual C++ 2008 Redistributable (x64, Microsoft.VC90.CRT 9.0.21022.8) cannot run the MARS installer's embedded application. A newer VC++ runtime does not help.",
  "remediation": "Install the Microsoft Visual C++ 2008 Redistributable (x64), then rerun MARS setup.",
  "source": "https://learn.microsoft.com/troubleshoot/azure/site-recovery/backup/unable-to-execute-the-embedded-application-error-backup-agent",
  "tags": ["os", "prerequisite", "legacy"],
  "requires": []
}
'@

function Test-MarsVcredist2008r2 {
    param($Context)
    $os = Get-FsOsInfo
    $version = ConvertTo-FsVersion $os['version']
    if ($null -eq $version) { throw ('unreadable OS version: ' + $os['version']) }
    if ($version.Major -ne 6 -or $version.Minor -ne 1 -or [int]$os['productType'] -eq 1) {
        return New-FsCheckResult -Status skipped -Summary 'Not Windows Server 2008 R2' -Reason ('only applies to Windows Server 2008 R2; this host is version ' + $os['version'])
    }
    $found = @(Get-FsUninstallEntry -DisplayName 'Microsoft Visual C++ 2008 Redistributable - x64*')
    if ($found.Count) {
        return New-FsCheckResult -Status pass -Summary 'VC++ 2008 x64 runtime installed' -Evidence @('Uninstall entry "' + $found[0]['displayName'] + '"')
    }
    New-FsCheckResult -Status fail -Summary 'VC++ 2008 x64 runtime missing on Windows Server 2008 R2' -Evidence @('version ' + $os['version'] + ', no Uninstall entry "Microsoft Visual C++ 2008 Redistributable - x64*"')
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsVcredist2008r2'
