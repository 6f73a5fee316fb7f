function Stop-FsTestResponder {
    <#
    .SYNOPSIS
        Stops a New-FsTestResponder peer: closes its listener, which ends its runspace.
    .PARAMETER Responder
        What New-FsTestResponder returned.
    .EXAMPLE
        Stop-FsTestResponder -Responder $proxy
    #>
    param([Parameter(Mandatory = $true)]$Responder)
    $Responder['listener'].Stop()
    $null = $Responder['handle'].AsyncWaitHandle.WaitOne(3000)
    $Responder['ps'].Dispose()
}
