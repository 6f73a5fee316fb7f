function Initialize-FsFixState {
    <#
    .SYNOPSIS
        Staged twin: loads the staged state file once, with -WhatIf set aside, before the plan's first re-check.
    .DESCRIPTION
        Get-FsStagedState keeps the state it read in a global variable through Set-Variable, which honours
        -WhatIf: under a plan's -WhatIf it would neither keep it nor stay quiet. Reading it once here, where
        $WhatIfPreference is off, fills the cache; every later read uses it.
    .PARAMETER None
        This function takes no parameters.
    .EXAMPLE
        Initialize-FsFixState
    #>
    [CmdletBinding()]
    param()
    $WhatIfPreference = $false
    $null = Get-FsStagedState
}
