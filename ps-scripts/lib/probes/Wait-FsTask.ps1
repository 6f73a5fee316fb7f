function Wait-FsTask {
    <#
    .SYNOPSIS
        Waits for a .NET task until a deadline shared by a whole probe step; never throws.
    .DESCRIPTION
        The caller reads the task's state afterwards (RanToCompletion, IsFaulted, or still running = timeout),
        so one blocked target costs the step's timeout once, not once per target.
    .PARAMETER Task
        A System.Threading.Tasks.Task.
    .PARAMETER Deadline
        UTC instant after which waiting stops.
    .EXAMPLE
        Wait-FsTask -Task $lookup -Deadline ([datetime]::UtcNow.AddSeconds(5))
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Task, [Parameter(Mandatory = $true)][datetime]$Deadline)
    $left = [int][math]::Max(0, ($Deadline - [datetime]::UtcNow).TotalMilliseconds)
    try { $null = $Task.Wait($left) } catch { $null = $_ }
}
