function Get-FsHotfix {
    <#
    .SYNOPSIS
        Staged twin: hotfixes [ { id, ageDays } ] (or an absolute installedOn); ageDays counts back from the run.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsHotfix | ForEach-Object { $_.id }
    #>
    [CmdletBinding()]
    param()
    $fixes = @()
    foreach ($h in @(Get-FsStagedEntry -Section hotfixes)) {
        if ($null -eq $h) { continue }
        $installed = $null
        if ($null -ne $h['ageDays']) { $installed = (Get-FsStagedNow).AddDays(-[double]$h['ageDays']) }
        elseif ($h['installedOn']) { $installed = ConvertTo-FsUtcDate -Value $h['installedOn'] }
        $fixes += @{ id = [string]$h['id']; installedOnUtc = (Format-FsUtcDate -Value $installed) }
    }
    $fixes
}
