function Invoke-FsFixW32tm {
    <#
    .SYNOPSIS
        Staged twin of w32tm.exe for the two commands a clock fix runs, answering as w32tm does.
    .DESCRIPTION
        /config /syncfromflags:domhier /update: the source becomes the domain (computer.domain) or fails
        outside a domain. /resync: fails while w32time is stopped (0x80070426) or while the source is the
        local clock ("no time data was available"); otherwise the clock is set right (offsetSeconds 0).
    .PARAMETER Arguments
        The arguments, one per element.
    .EXAMPLE
        Invoke-FsFixW32tm -Arguments @('/resync', '/force')
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string[]]$Arguments)
    $clock = Get-FsStagedSection -Section clock
    $words = ($Arguments -join ' ')
    if ($Arguments -contains '/config' -and $words -match '/syncfromflags:domhier') {
        $domain = [string](Get-FsComputerName)['domain']
        if (-not $domain) { throw ('w32tm ' + $words + ' failed (exit 1): no domain to synchronise from') }
        $clock['w32timeSource'] = $domain
        Save-FsStagedState
        return ('w32tm ' + $words + ': The command completed successfully.')
    }
    if ($Arguments -contains '/resync') {
        if ($clock.Contains('w32timeStatus') -and $clock['w32timeStatus'] -ne 'Running') { throw ('w32tm ' + $words + ' failed (exit -2147023834): The following error occurred: The service has not been started. (0x80070426)') }
        if ([string]$clock['w32timeSource'] -match 'Local CMOS Clock|Free-running System Clock') { throw ('w32tm ' + $words + ' failed (exit 1): The computer did not resync because no time data was available.') }
        $clock['offsetSeconds'] = 0
        Save-FsStagedState
        return ('w32tm ' + $words + ': The command completed successfully.')
    }
    throw ('staged w32tm does not know: ' + $words)
}
