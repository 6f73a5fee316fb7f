<#
.SYNOPSIS
    mars-vault-credentials-file: the vault credentials file is usable (local, .VaultCredentials, fresh).
.DESCRIPTION
    Looks at vaultCredentialsPath on the host (never reads or returns its content). Fails when missing,
    empty, not absolute, with another extension, or older than vaultCredentialsMaxAgeDays (10); warns when
    older than vaultCredentialsWarnAgeDays (9), on a network share, or when a newer credentials file for the
    same vault sits in the same folder.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsVaultCredentialsFile -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-vault-credentials-file",
  "title": "Vault credentials file is usable",
  "failure": "Vault credentials file missing, expired or unusable",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "Vault credentials expire 10 days after download; only the latest download is valid; the file must have the .VaultCredentials extension and be given by absolute path, preferably from a local folder.",
  "remediation": "Download a fresh vault credentials file from the vault's primary region, copy it to a local folder on the host and register within 10 days.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-file-folder-backup-faq",
  "tags": ["registration", "credentials"],
  "requires": ["vaultCredentialsPath"]
}
'@

function Test-MarsVaultCredentialsFile {
    param($Context)
    $path = [string](Resolve-FsVar -Context $Context -Name 'vaultCredentialsPath')
    $problems = @()
    $warnings = @()
    $isUnc = $path -match '^\\\\'
    if (-not $isUnc -and $path -notmatch '^[A-Za-z]:\\') { $problems += ($path + ' is not an absolute path') }
    if ($path -notmatch '\.vaultcredentials$') { $problems += ($path + ' does not end in .VaultCredentials') }
    if ($isUnc) { $warnings += ($path + ' is on a network share; copy it locally') }
    $item = Get-FsItemInfo -Path $path
    if (-not $item['exists']) {
        return New-FsCheckResult -Status fail -Summary 'Vault credentials file not found' -Evidence (@($path + ' not found') + $problems)
    }
    $written = ConvertTo-FsUtcDate -Value $item['lastWriteTimeUtc']
    $age = ($Context['ControllerUtc'] - $written).TotalDays
    $ageText = $age.ToString('0.0', [System.Globalization.CultureInfo]::InvariantCulture)
    $evidence = @($path + ': ' + $item['length'] + ' bytes, written ' + $ageText + ' days ago')
    $maxAge = [double](Resolve-FsVar -Context $Context -Name 'vaultCredentialsMaxAgeDays')
    $warnAge = [double](Resolve-FsVar -Context $Context -Name 'vaultCredentialsWarnAgeDays')
    if ([long]$item['length'] -le 0) { $problems += ($path + ' is empty') }
    if ($age -gt $maxAge) { $problems += ('age ' + $ageText + ' days > ' + $maxAge + ' days: expired') }
    elseif ($age -gt $warnAge) { $warnings += ('age ' + $ageText + ' days > ' + $warnAge + ' days: expires within a day') }
    $index = $path.LastIndexOf('\')
    if ($index -gt 0) {
        $vault = Resolve-FsVar -Context $Context -Name 'vaultName'
        foreach ($f in @(Get-FsFileList -Path $path.Substring(0, $index) -Filter '*.VaultCredentials')) {
            if (Test-FsSamePath $f['path'] $path) { continue }
            if ((Test-FsVarPresent $vault) -and -not ($f['name'] -like ($vault + '*'))) { continue }
            $other = ConvertTo-FsUtcDate -Value $f['lastWriteTimeUtc']
            if ($other -gt $written) { $warnings += ('newer credentials file ' + $f['name'] + ' in the same folder; only the latest download is valid') }
        }
    }
    if ($problems.Count) {
        return New-FsCheckResult -Status fail -Summary ('Vault credentials file unusable: ' + $problems[0]) -Evidence ($evidence + $problems + $warnings)
    }
    if ($warnings.Count) {
        return New-FsCheckResult -Status warn -Summary ('Vault credentials file: ' + $warnings[0]) -Evidence ($evidence + $warnings)
    }
    New-FsCheckResult -Status pass -Summary 'Vault credentials file is local and fresh' -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsVaultCredentialsFile'
