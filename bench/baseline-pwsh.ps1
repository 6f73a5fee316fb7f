<#
.SYNOPSIS
    The hand-rolled baseline of the fleet benchmark: what an admin writes instead of fleet-scan.
.DESCRIPTION
    One local pwsh runs the same MARS bundle on every host and collects the reports as objects, then writes
    them as JSON (Export-Excel's ImportExcel module comes from the PowerShell Gallery, which this machine
    cannot reach; ConvertTo-Json is the stand-in output stage).
      -Method Session:  New-PSSession -HostName $all, then Invoke-Command -Session $s -ThrottleLimit N
      -Method Parallel: $all | ForEach-Object -Parallel -ThrottleLimit N { Invoke-Command -HostName $_ }
    Controller-side only (pwsh 7), never sent to a target. Prints one line: "hosts=N reports=N ...".
.PARAMETER HostsFile
    Text file, one address per line.
.PARAMETER BundleFile
    The MARS bundle (buildBundle('mars')).
.PARAMETER Payload
    base64 JSON for Invoke-FleetScanPack; the same for every host.
.EXAMPLE
    pwsh -NoProfile -File bench/baseline-pwsh.ps1 -Method Session -HostsFile hosts.txt -Port 2222 -KeyFile k -KnownHosts kh -BundleFile b.ps1 -Payload $p -Throttle 16 -ConnectMs 60000 -OutFile r.json
#>
param(
    [ValidateSet('Session', 'Parallel')][string]$Method, [string]$HostsFile, [int]$Port, [string]$KeyFile,
    [string]$KnownHosts, [string]$BundleFile, [string]$Payload, [int]$Throttle, [int]$ConnectMs, [string]$OutFile
)
$ErrorActionPreference = 'Stop'
$all = @(Get-Content -LiteralPath $HostsFile | Where-Object { $_ })
$opts = @{ BatchMode = 'yes'; StrictHostKeyChecking = 'yes'; UserKnownHostsFile = $KnownHosts
           GlobalKnownHostsFile = '/dev/null'; LogLevel = 'ERROR'; IdentitiesOnly = 'yes' }
$code = (Get-Content -LiteralPath $BundleFile -Raw) + "`nInvoke-FleetScanPack -PayloadBase64 `$args[0]"
$failed = 0

if ($Method -eq 'Session') {
    # ConnectingTimeout is generous: all sessions start at once and 2 cores start every remote pwsh.
    $s = @(New-PSSession -HostName $all -Port $Port -UserName root -KeyFilePath $KeyFile -Options $opts `
            -ConnectingTimeout $ConnectMs -ErrorAction SilentlyContinue -ErrorVariable connErr)
    $failed = @($connErr).Count
    $lines = Invoke-Command -Session $s -ThrottleLimit $Throttle -ScriptBlock ([scriptblock]::Create($code)) -ArgumentList $Payload
    Remove-PSSession -Session $s
} else {
    $lines = $all | ForEach-Object -ThrottleLimit $Throttle -Parallel {
        $o = $using:opts
        Invoke-Command -HostName $_ -Port $using:Port -UserName root -KeyFilePath $using:KeyFile -Options $o `
            -ConnectingTimeout $using:ConnectMs -ScriptBlock ([scriptblock]::Create($using:code)) -ArgumentList $using:Payload
    }
}

# Results as objects: the report line of each host, decoded.
$utf8 = [Text.Encoding]::UTF8
$reports = foreach ($line in $lines) {
    $text = [string]$line
    $at = $text.IndexOf(' report ')
    if ($at -lt 0) { continue }
    $report = $utf8.GetString([Convert]::FromBase64String($text.Substring($at + 8))) | ConvertFrom-Json
    $report | Add-Member -NotePropertyName PSComputerName -NotePropertyValue $line.PSComputerName -PassThru
}
$reports = @($reports)
ConvertTo-Json -InputObject $reports -Depth 10 | Set-Content -LiteralPath $OutFile
$hostsWithReport = @($reports | ForEach-Object { $_.PSComputerName } | Sort-Object -Unique).Count
"hosts=$($all.Count) reports=$($reports.Count) distinct=$hostsWithReport connectFailed=$failed"
