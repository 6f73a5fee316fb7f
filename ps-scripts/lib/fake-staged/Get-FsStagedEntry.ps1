function Get-FsStagedEntry {
    <#
    .SYNOPSIS
        One entry of the staged state (a section, or a key inside a section); throws when it is staged as failing.
    .DESCRIPTION
        An entry written as { "error": "access denied" } stands for a probe that cannot read the state:
        the probe throws that message so the check reports error.
    .PARAMETER Section
        Top-level section name, for example 'registry' or 'clock'.
    .PARAMETER Key
        Key inside the section (case-insensitive); omit to get the whole section.
    .EXAMPLE
        Get-FsStagedEntry -Section registry -Key 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Section, [string]$Key)
    $state = Get-FsStagedState
    $entry = $state[$Section]
    if ($null -ne $entry -and $entry -is [System.Collections.IDictionary] -and $entry.Contains('error') -and $entry.Count -eq 1) {
        throw ([string]$entry['error'])
    }
    if ($Key) {
        if ($null -eq $entry -or $entry -isnot [System.Collections.IDictionary]) { return $null }
        $entry = $entry[$Key]
        if ($null -ne $entry -and $entry -is [System.Collections.IDictionary] -and $entry.Contains('error') -and $entry.Count -eq 1) {
            throw ([string]$entry['error'])
        }
    }
    if ($entry -is [System.Collections.IList] -and $entry -isnot [string]) { return $entry }
    $entry
}
