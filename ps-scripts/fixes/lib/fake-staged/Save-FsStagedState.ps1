function Save-FsStagedState {
    <#
    .SYNOPSIS
        Writes the staged state, as the fix plan's staged state functions changed it, back to its file.
    .DESCRIPTION
        The staged twins of the fix writers change the state Get-FsStagedState holds in memory and then
        call this, so the next reader (this run, a second run of the plan, or a scan of the lab host)
        sees the change, as it would on a real machine.
    .PARAMETER None
        This function takes no parameters.
    .EXAMPLE
        (Get-FsStagedState)['services']['w32time']['status'] = 'Running'; Save-FsStagedState
    #>
    [CmdletBinding()]
    param()
    $state = Get-FsStagedState
    $copy = @{}
    foreach ($key in @($state.Keys)) { if ($key -ne '__path') { $copy[$key] = $state[$key] } }
    $json = ConvertTo-Json -InputObject $copy -Depth 32
    [System.IO.File]::WriteAllText([string]$state['__path'], $json, (New-Object System.Text.UTF8Encoding($false)))
}
