<#
.SYNOPSIS
    mars-tls12-dotnet: .NET strong cryptography values are set.
.DESCRIPTION
    SchUseStrongCrypto and SystemDefaultTlsVersions under .NETFramework\v4.0.30319 (64-bit and WOW6432Node).
    Fails when SchUseStrongCrypto is not 1 in the 64-bit key; warns when any of the other three is not 1.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsTls12Dotnet -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-tls12-dotnet",
  "title": ".NET strong cryptography enabled for TLS 1.2",
  "failure": ".NET strong cryptography not enabled for TLS 1.2",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "MARS is a .NET application; without SchUseStrongCrypto (and SystemDefaultTlsVersions) .NET may not offer TLS 1.2 and registration fails when TLS 1.0 is disabled (KB 4022913).",
  "remediation": "Set SchUseStrongCrypto=1 and SystemDefaultTlsVersions=1 (DWORD) in HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 and its WOW6432Node twin, then restart obengine (or reboot).",
  "source": "https://learn.microsoft.com/azure/backup/transport-layer-security",
  "tags": ["tls", "dotnet"],
  "requires": []
}
'@

function Test-MarsTls12Dotnet {
    param($Context)
    $keys = @(@('64-bit', 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319'), @('WOW6432Node', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319'))
    $values = @{}
    $evidence = @()
    foreach ($k in $keys) {
        foreach ($name in @('SchUseStrongCrypto', 'SystemDefaultTlsVersions')) {
            $v = Get-FsRegistryValue -Path $k[1] -Name $name
            $values[$k[0] + ' ' + $name] = $v
            $evidence += ($k[0] + ' ' + $name + '=' + $(if ($null -eq $v) { 'absent' } else { [string]$v }))
        }
    }
    $strong = $values['64-bit SchUseStrongCrypto']
    if ($null -eq $strong -or [int]$strong -ne 1) {
        return New-FsCheckResult -Status fail -Summary 'SchUseStrongCrypto is not 1 in the 64-bit .NET key' -Evidence $evidence
    }
    $others = @($values.Keys | Where-Object { $_ -ne '64-bit SchUseStrongCrypto' -and ($null -eq $values[$_] -or [int]$values[$_] -ne 1) } | Sort-Object)
    if ($others.Count) {
        return New-FsCheckResult -Status warn -Summary ('Not set to 1: ' + ($others -join ', ')) -Evidence $evidence
    }
    New-FsCheckResult -Status pass -Summary '.NET strong cryptography values are all 1' -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsTls12Dotnet'
