function Invoke-FsFixW32tm {
    <#
    .SYNOPSIS
        Runs w32tm.exe with the given arguments; throws its own words when it fails.
    .DESCRIPTION
        For the two changes a clock fix makes: /config /syncfromflags:domhier /update (take the time from
        the domain hierarchy) and /resync /force (synchronise now). w32tm needs an elevated session.
    .PARAMETER Arguments
        The arguments, one per element.
    .EXAMPLE
        Invoke-FsFixW32tm -Arguments @('/resync', '/force')
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string[]]$Arguments)
    $text = @(& w32tm.exe @Arguments 2>&1 | ForEach-Object { [string]$_ } | Where-Object { $_.Trim() })
    if ($LASTEXITCODE -ne 0) { throw ('w32tm ' + ($Arguments -join ' ') + ' failed (exit ' + $LASTEXITCODE + '): ' + ($text -join ' ')) }
    'w32tm ' + ($Arguments -join ' ') + ': ' + ($text -join ' ')
}
