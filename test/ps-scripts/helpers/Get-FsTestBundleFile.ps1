function Get-FsTestBundleFile {
    <#
    .SYNOPSIS
        The files a bundle holds, in the order ps-scripts/bundle.json gives (the order src/checks/bundle.ts uses).
    .DESCRIPTION
        Each item has Folder (relative to ps-scripts/), Path and Kind: 'script' (dot-source it) or 'pack'
        (pack.json: register it with Register-FsPack). A pack's checks follow its pack.json, in pack.json order.
    .PARAMETER Staged
        Include the staged folders, as a lab host's bundle does.
    .PARAMETER Pack
        The pack whose pack.json and checks fill the pack entry.
    .EXAMPLE
        Get-FsTestBundleFile -Staged -Pack mars | Where-Object Kind -eq 'script'
    #>
    param([switch]$Staged, [string]$Pack = 'mars')
    $scripts = Join-Path $FsRepoRoot 'ps-scripts'
    $manifest = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText((Join-Path $scripts 'bundle.json')))
    foreach ($section in $manifest.sections) {
        if ($section.PSObject.Properties['pack']) {
            $folder = 'packs/' + $Pack
            $packJson = Join-Path $scripts "$folder/pack.json"
            [pscustomobject]@{ Folder = $folder; Path = $packJson; Kind = 'pack' }
            foreach ($id in @((ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($packJson))).checks)) {
                [pscustomobject]@{ Folder = $folder; Path = (Join-Path $scripts "$folder/$id.ps1"); Kind = 'script' }
            }
            continue
        }
        if ($section.PSObject.Properties['staged'] -and $section.staged -and -not $Staged) { continue }
        # Ordinal, as the bundle's JavaScript sort orders names.
        $names = [string[]]@(Get-ChildItem -Path (Join-Path $scripts $section.folder) -Filter *.ps1 -File | ForEach-Object { $_.Name })
        [System.Array]::Sort($names, [System.StringComparer]::Ordinal)
        foreach ($name in $names) {
            [pscustomobject]@{ Folder = $section.folder; Path = (Join-Path $scripts "$($section.folder)/$name"); Kind = 'script' }
        }
    }
}
