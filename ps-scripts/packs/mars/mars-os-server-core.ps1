<#
.SYNOPSIS
    mars-os-server-core: not a Server Core (or Nano Server) installation.
.DESCRIPTION
    Reads InstallationType under HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion. Server Core and Nano
    Server fail; Server and Client pass; an absent value is an error (it cannot be decided).
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsOsServerCore -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-os-server-core",
  "title": "Not a Server Core installation",
  "failure": "Server Core or Nano Server installation",
  "phase": "install",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "The MARS support matrix excludes Server Core SKUs. Reads the InstallationType registry value (Server, Client, Server Core, Nano Server).",
  "remediation": "Use a Desktop Experience installation of Windows Server for the MARS agent, or protect the data another way.",
  "source": "https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent",
  "tags": ["os", "prerequisite"],
  "requires": []
}
'@

function Test-MarsOsServerCore {
    param($Context)
    $type = (Get-FsOsInfo)['installationType']
    if (-not $type) { throw 'InstallationType is absent under HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' }
    $evidence = @('InstallationType ' + $type)
    if ($type -eq 'Server Core' -or $type -eq 'Nano Server') {
        return New-FsCheckResult -Status fail -Summary ($type + ' installation is not supported by MARS') -Evidence $evidence
    }
    New-FsCheckResult -Status pass -Summary ($type + ' installation (not Server Core)') -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsOsServerCore'
