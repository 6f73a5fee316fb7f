function Get-FsTaskError {
    <#
    .SYNOPSIS
        The innermost error message of a faulted .NET task, on one line.
    .PARAMETER Task
        A faulted System.Threading.Tasks.Task.
    .EXAMPLE
        Get-FsTaskError -Task $connect   # No connection could be made because the target machine actively refused it
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Task)
    $e = $Task.Exception
    if ($null -eq $e) { return 'unknown error' }
    ([string]$e.GetBaseException().Message -replace '\s*[\r\n]+\s*', ' ').Trim()
}
