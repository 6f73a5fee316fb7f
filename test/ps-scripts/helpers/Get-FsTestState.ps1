function Get-FsTestState {
    <#
    .SYNOPSIS
        A fresh, mutable copy of a fixture state (test/fixtures/states/<name>.json).
    .PARAMETER Name
        The fixture's name without .json.
    .EXAMPLE
        $s = Get-FsTestState; $s.clock.offsetSeconds = 600
    #>
    param([string]$Name = 'healthy-public')
    ConvertTo-FsHashtable -InputObject (ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText((Join-Path $FsRepoRoot "test/fixtures/states/$Name.json"))))
}
