function Get-FsItemInfo {
    <#
    .SYNOPSIS
        Staged twin: a file from files["<path>"], a folder from dirs["<path>"] or an implied parent folder.
    .DESCRIPTION
        A drive root has the attributes Windows gives it (Hidden, System, Directory) unless dirs lists it.
        ageDays (relative to the run's controller time) sets lastWriteTimeUtc, so states never go stale;
        an absolute lastWriteTimeUtc is also accepted.
    .PARAMETER Path
        The file or folder.
    .PARAMETER TailBytes
        When above 0, tailText is returned (the last that many characters of the staged tailText).
    .EXAMPLE
        Get-FsItemInfo -Path 'C:\Program Files\Microsoft Azure Recovery Services Agent\bin\cbengine.exe'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [int]$TailBytes = 0)
    $clean = $Path.TrimEnd('\')
    $info = @{ path = $Path; exists = $false; isDirectory = $false; attributes = @(); lastWriteTimeUtc = $null; length = $null; fileVersion = $null; tailText = $null }
    $kind = Test-FsStagedPath -Path $clean
    if (-not $kind) { return $info }
    $info['exists'] = $true
    if ($kind -eq 'dir') {
        $entry = Get-FsStagedEntry -Section dirs -Key $clean
        if ($null -eq $entry) { $entry = Get-FsStagedEntry -Section dirs -Key ($clean + '\') }
        if ($null -eq $entry) { $entry = @{} }
        $info['isDirectory'] = $true
        $info['attributes'] = @('Directory')
        # Windows reports every NTFS drive root as Hidden, System, Directory (attribute value 22).
        if ($clean -match '^[A-Za-z]:$') { $info['attributes'] = @('Hidden', 'System', 'Directory') }
        if ($entry['attributes']) { $info['attributes'] = @($entry['attributes']) }
        $info['lastWriteTimeUtc'] = Format-FsUtcDate -Value (Get-FsStagedNow).AddDays(-30)
        return $info
    }
    $entry = Get-FsStagedEntry -Section files -Key $clean
    if ($null -eq $entry) { $entry = @{} }
    $info['attributes'] = @('Archive')
    if ($entry['attributes']) { $info['attributes'] = @($entry['attributes']) }
    $written = (Get-FsStagedNow).AddDays(-30)
    if ($null -ne $entry['ageDays']) { $written = (Get-FsStagedNow).AddDays(-[double]$entry['ageDays']) }
    elseif ($entry['lastWriteTimeUtc']) { $written = ConvertTo-FsUtcDate -Value $entry['lastWriteTimeUtc'] }
    $info['lastWriteTimeUtc'] = Format-FsUtcDate -Value $written
    $info['length'] = [long]1024
    if ($null -ne $entry['length']) { $info['length'] = [long]$entry['length'] }
    $info['fileVersion'] = $entry['fileVersion']
    if ($TailBytes -gt 0 -and $entry['tailText']) {
        $tail = [string]$entry['tailText']
        if ($tail.Length -gt $TailBytes) { $tail = $tail.Substring($tail.Length - $TailBytes) }
        $info['tailText'] = $tail
    }
    $info
}
