function Get-FsClockReading {
    <#
    .SYNOPSIS
        The host clock's offset from the controller's, from the earliest host sample and the best controller
        stamp the run has, with what the number can and cannot include.
    .DESCRIPTION
        Host side: facts.hostClockUtc, which mars-agent-detect samples first thing (the earliest point a check
        reaches), else a sample taken now. Controller side, best first: Context.ControllerSentUtc (stamped as
        the payload was sent, after connecting), ControllerUtc + Context.ConnectMs, or ControllerUtc alone
        (stamped before connecting, so it includes the connection time). The host sample is always taken after
        the controller stamp, so the offset can only be too far ahead, never too far behind: "behind" is
        certain, "ahead" is at most the value. Answers @{ offsetSeconds (rounded); hostUtc; hostSource;
        referenceUtc; referenceSource; uncertainty (one evidence line); sample (Get-FsClockSample: time zone,
        w32time) }.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        (Get-FsClockReading -Context $Context)['offsetSeconds']   # 312
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $sample = Get-FsClockSample
    $hostUtc = $null
    $hostSource = 'sampled by mars-agent-detect'
    $facts = $Context['Facts']
    if ($null -ne $facts -and $facts['hostClockUtc']) { $hostUtc = ConvertTo-FsUtcDate -Value $facts['hostClockUtc'] }
    if ($null -eq $hostUtc) {
        $hostUtc = ConvertTo-FsUtcDate -Value $sample['hostUtc']
        $hostSource = 'sampled by this check (no earlier sample)'
    }
    if ($null -eq $hostUtc) { throw ('unreadable host time: ' + $sample['hostUtc']) }
    $sent = ConvertTo-FsUtcDate -Value $Context['ControllerSentUtc']
    $controllerUtc = ConvertTo-FsUtcDate -Value $Context['ControllerUtc']
    if ($null -eq $controllerUtc) { throw 'controller time missing from the check context' }
    if ($null -ne $sent) {
        $reference = $sent
        $referenceSource = 'controller, as it sent the payload'
        $uncertainty = 'uncertainty: the transfer and the host''s start-up before its sample can only add to "ahead"; "behind" is certain'
    } elseif ($null -ne $Context['ConnectMs']) {
        $reference = $controllerUtc.AddMilliseconds([double]$Context['ConnectMs'])
        $referenceSource = 'controller start of run + ' + [string]$Context['ConnectMs'] + ' ms connect time'
        $uncertainty = 'uncertainty: the transfer and the host''s start-up before its sample can only add to "ahead"; "behind" is certain'
    } else {
        $reference = $controllerUtc
        $referenceSource = 'controller, stamped before connecting'
        $uncertainty = 'uncertainty: includes the connection time and the host''s start-up, which can only add to "ahead"; "behind" is certain'
    }
    @{
        offsetSeconds   = [math]::Round(($hostUtc - $reference).TotalSeconds)
        hostUtc         = Format-FsUtcDate -Value $hostUtc
        hostSource      = $hostSource
        referenceUtc    = Format-FsUtcDate -Value $reference
        referenceSource = $referenceSource
        uncertainty     = $uncertainty
        sample          = $sample
    }
}
