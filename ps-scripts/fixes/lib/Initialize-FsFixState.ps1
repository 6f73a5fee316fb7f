function Initialize-FsFixState {
    <#
    .SYNOPSIS
        Prepares the state functions before a plan's first re-check; on a real host there is nothing to prepare.
    .DESCRIPTION
        A lab host's plan replaces this with its staged twin, which loads the staged state once outside
        -WhatIf, so that reading it later neither depends on -WhatIf nor shows up among the changes.
    .PARAMETER None
        This function takes no parameters.
    .EXAMPLE
        Initialize-FsFixState
    #>
    [CmdletBinding()]
    param()
}
