function Get-FsHotfix {
    <#
    .SYNOPSIS
        Installed updates: id and install date (ISO UTC, or $null where Windows left it empty or unparsable).
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsHotfix   # @{ id='KB5041160'; installedOnUtc='2026-11-15T00:00:00.0000000Z' }, ...
    #>
    [CmdletBinding()]
    param()
    $fixes = @()
    foreach ($q in @(Get-CimInstance -ClassName Win32_QuickFixEngineering -Property HotFixID, InstalledOn -ErrorAction Stop)) {
        $installed = $null
        $raw = $q.InstalledOn
        if ($raw -is [datetime]) { $installed = $raw }
        elseif ($raw) {
            # InstalledOn is often locale text (M/d/yyyy) or a hex FILETIME; parse defensively.
            $text = [string]$raw
            $parsed = [datetime]::MinValue
            if ($text -match '^[0-9A-Fa-f]{16}$') { $installed = [datetime]::FromFileTimeUtc([Convert]::ToInt64($text, 16)) }
            elseif ([datetime]::TryParse($text, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AssumeUniversal, [ref]$parsed)) { $installed = $parsed }
            elseif ([datetime]::TryParse($text, [ref]$parsed)) { $installed = $parsed }
        }
        $fixes += @{ id = [string]$q.HotFixID; installedOnUtc = (Format-FsUtcDate -Value $installed) }
    }
    $fixes
}
