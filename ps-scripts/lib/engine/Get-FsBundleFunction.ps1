function Get-FsBundleFunction {
    <#
    .SYNOPSIS
        The functions a check runspace needs: every *-Fs* helper and probe (the staged ones, when the bundle carries them, have replaced the real ones) and the checks to run.
    .PARAMETER CheckFunctions
        Names of the check functions.
    .EXAMPLE
        Get-FsBundleFunction -CheckFunctions @('Test-MarsDotnetVersion')
    #>
    param([string[]]$CheckFunctions = @())
    $all = $ExecutionContext.SessionState.InvokeCommand.GetCommands('*', [System.Management.Automation.CommandTypes]::Function, $true)
    @(foreach ($f in $all) {
        if ($f.Name -match '^[A-Za-z]+-Fs[A-Z]' -or $CheckFunctions -contains $f.Name) { @{ Name = $f.Name; Definition = $f.Definition } }
    })
}
