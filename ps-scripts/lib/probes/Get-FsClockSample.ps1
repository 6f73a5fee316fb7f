function Get-FsClockSample {
    <#
    .SYNOPSIS
        The host's UTC clock, time zone id and Windows Time service state and source.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsClockSample   # @{ hostUtc='2026-11-25T08:00:04.0000000Z'; timeZoneId='W. Europe Standard Time'; w32timeStatus='Running'; w32timeSource='time.windows.com,0x9' }
    #>
    [CmdletBinding()]
    param()
    $hostUtc = Format-FsUtcDate -Value ([datetime]::UtcNow)
    $service = Get-Service -Name w32time -ErrorAction SilentlyContinue
    $status = $null
    if ($service) { $status = $service.Status.ToString() }
    $source = $null
    # w32tm needs elevation for /query; its text is localised, so only the Source line is read.
    if (Get-Command -Name w32tm -ErrorAction SilentlyContinue) {
        $text = @(& w32tm /query /source 2>$null)
        if ($LASTEXITCODE -eq 0 -and $text.Count -gt 0) { $source = ([string]$text[0]).Trim() }
    }
    @{ hostUtc = $hostUtc; timeZoneId = [System.TimeZoneInfo]::Local.Id; w32timeStatus = $status; w32timeSource = $source }
}
