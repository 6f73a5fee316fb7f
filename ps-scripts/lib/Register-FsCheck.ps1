function Register-FsCheck {
    <#
    .SYNOPSIS
        Adds one check (its metadata and the name of its function) to the pack being loaded.
    .DESCRIPTION
        Called on the last line of every check file. Checks are kept in registration order (the bundle
        concatenates them in pack.json order), keyed by id so loading a file twice replaces the entry.
    .PARAMETER Metadata
        The JSON text of the check's $FsCheckMetadata here-string.
    .PARAMETER Function
        Name of the check function, Test-<PascalId>.
    .EXAMPLE
        Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsDotnetVersion'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Metadata,
        [Parameter(Mandatory = $true)][string]$Function
    )
    $meta = ConvertTo-FsHashtable -InputObject (ConvertFrom-Json -InputObject $Metadata)
    if (-not $meta['requires']) { $meta['requires'] = @() }
    $registry = Get-Variable -Name FsCheckRegistry -Scope Global -ValueOnly -ErrorAction SilentlyContinue
    if ($null -eq $registry) {
        $registry = New-Object System.Collections.Specialized.OrderedDictionary
        Set-Variable -Name FsCheckRegistry -Scope Global -Value $registry
    }
    if ($registry.Contains($meta['id'])) { $registry.Remove($meta['id']) }
    $registry.Add($meta['id'], @{ Metadata = $meta; Function = $Function })
}
