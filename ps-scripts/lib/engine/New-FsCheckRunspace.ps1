function New-FsCheckRunspace {
    <#
    .SYNOPSIS
        Opens a runspace that already knows every function of the bundle and the shared variables.
    .PARAMETER Functions
        Function names and definitions to copy in.
    .PARAMETER Variables
        Name -> value of globals to copy in (pack manifest, what the probe library shares).
    .EXAMPLE
        $rs = New-FsCheckRunspace -Functions $functions -Variables @{ FsPack = $FsPack }
    #>
    param($Functions, [hashtable]$Variables = @{})
    $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    foreach ($f in $Functions) {
        $iss.Commands.Add((New-Object System.Management.Automation.Runspaces.SessionStateFunctionEntry($f.Name, $f.Definition)))
    }
    foreach ($k in $Variables.Keys) {
        $iss.Variables.Add((New-Object System.Management.Automation.Runspaces.SessionStateVariableEntry($k, $Variables[$k], '')))
    }
    $runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace($iss)
    $runspace.Open()
    $runspace
}
