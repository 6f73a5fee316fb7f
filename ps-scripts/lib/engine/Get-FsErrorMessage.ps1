function Get-FsErrorMessage {
    <#
    .SYNOPSIS
        The innermost message of an error record or exception, on one line.
    .PARAMETER ErrorRecord
        An ErrorRecord or Exception.
    .EXAMPLE
        try { throw 'access denied' } catch { Get-FsErrorMessage $_ }   # access denied
    #>
    param($ErrorRecord)
    $e = $ErrorRecord
    if ($e -is [System.Management.Automation.ErrorRecord]) { $e = $e.Exception }
    if ($e -is [System.Exception]) { $e = $e.GetBaseException() }
    ([string]$e.Message -replace '\s*[\r\n]+\s*', ' ').Trim()
}
