function Register-FsBundledCheck {
    <#
    .SYNOPSIS
        Adds one check of a bundle to the pack being loaded: its id, its kind and the name of its function.
    .DESCRIPTION
        A bundle's check files end with this call instead of Register-FsCheck: the controller has read and
        validated the metadata already (src/checks/catalog.ts), so the target parses no metadata JSON. The
        registry holds the same entries Register-FsCheck makes, with only the metadata a target reads.
        A plain function: it runs once per check on every target, and positional binding is the cheapest.
    .PARAMETER Id
        The check id.
    .PARAMETER Kind
        host or fleet.
    .PARAMETER Function
        Name of the check function, Test-<PascalId>.
    .EXAMPLE
        Register-FsBundledCheck 'mars-dotnet-version' 'host' 'Test-MarsDotnetVersion'
    #>
    param([string]$Id, [string]$Kind, [string]$Function)
    $registry = $global:FsCheckRegistry
    if ($null -eq $registry) {
        $registry = New-Object System.Collections.Specialized.OrderedDictionary
        $global:FsCheckRegistry = $registry
    }
    if ($registry.Contains($Id)) { $registry.Remove($Id) }
    $registry.Add($Id, @{ Metadata = @{ id = $Id; kind = $Kind }; Function = $Function })
}
