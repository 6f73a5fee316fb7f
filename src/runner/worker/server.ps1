<#
.SYNOPSIS
    The controller's pwsh worker loop: runs requests concurrently, each in its own runspace.

.DESCRIPTION
    Started once per worker by src/runner/pwsh-host.ts (through node-powershell, as one encoded line).
    Requests arrive on stdin, one line each: base64 of UTF-8 JSON
      { type: 'run', id, script, params, blobParams, maxOutputBytes }   run a script in a new runspace
      { type: 'set', key, value }                                         keep a large string (a bundle) once
      { type: 'cancel', id }                                              stop a running request
    Every reply is one frame on the saved stdout: "<marker> <type> <base64 JSON>", with type 'ready',
    'output' (strings a running request has written so far), or 'result'. Data never becomes source text: scripts
    are ours, parameters are splatted values.
#>
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$PSStyle.OutputRendering = 'PlainText'
$marker = $env:FLEET_SCAN_MARKER
$utf8 = [Text.UTF8Encoding]::new($false)
# Console.In reads synchronously even through ReadLineAsync; a StreamReader on the raw stream does not.
$requests = [IO.StreamReader]::new([Console]::OpenStandardInput(), $utf8)
$replies = [IO.StreamWriter]::new([Console]::OpenStandardOutput(), $utf8)
# User code must not read the protocol or write into it.
[Console]::SetIn([IO.TextReader]::Null)
[Console]::SetOut([Console]::Error)

function Send-Reply([string]$Type, $Reply) {
    $json = ConvertTo-Json -InputObject $Reply -Depth 6 -Compress -WarningAction SilentlyContinue
    $replies.WriteLine($marker + ' ' + $Type + ' ' + [Convert]::ToBase64String($utf8.GetBytes($json)))
    $replies.Flush()
}

$blobs = @{}
$running = [Collections.Generic.Dictionary[string, object]]::new()

function Start-Request($Request) {
    $ps = [powershell]::Create()
    $params = @{}
    if ($Request.params) { foreach ($p in $Request.params.GetEnumerator()) { $params[$p.Key] = $p.Value } }
    if ($Request.blobParams) { foreach ($p in $Request.blobParams.GetEnumerator()) { $params[$p.Key] = $blobs[$p.Value] } }
    $null = $ps.AddScript($Request.script).AddParameters($params)
    $output = [Management.Automation.PSDataCollection[psobject]]::new()
    $job = [pscustomobject]@{
        Id = $Request.id; PowerShell = $ps; Output = $output; Sent = 0; Bytes = 0
        Limit = [long]$(if ($Request.maxOutputBytes) { $Request.maxOutputBytes } else { 4MB })
        Compact = [bool]$Request.compact; Overflow = $false; Clock = [Diagnostics.Stopwatch]::StartNew()
        Handle = $ps.BeginInvoke([Management.Automation.PSDataCollection[psobject]]::new(), $output)
    }
    $running[$Request.id] = $job
}

function Send-NewOutput($Job) {
    $items = [Collections.Generic.List[string]]::new()
    while ($Job.Sent -lt $Job.Output.Count) {
        $text = [string]$Job.Output[$Job.Sent]
        $Job.Sent++
        $Job.Bytes += $text.Length
        if ($Job.Bytes -gt $Job.Limit) {
            if (-not $Job.Overflow) { $Job.Overflow = $true; $null = $Job.PowerShell.BeginStop($null, $null) }
            continue
        }
        $items.Add($text)
    }
    if ($items.Count) { Send-Reply 'output' @{ id = $Job.Id; items = $items } }
}

function Complete-Request($Job) {
    Send-NewOutput $Job
    $errors = [Collections.Generic.List[string]]::new()
    $ok = $true
    try { $null = $Job.PowerShell.EndInvoke($Job.Handle) }
    catch { $ok = $false; $errors.Add($_.Exception.GetBaseException().Message) }
    foreach ($e in $Job.PowerShell.Streams.Error) { $errors.Add($e.ToString()) }
    if ($Job.PowerShell.HadErrors -and $errors.Count -eq 0) { $ok = $false }
    # Warnings would otherwise be lost with the runspace; they travel with the errors and do not fail the call.
    foreach ($w in $Job.PowerShell.Streams.Warning) { $errors.Add('WARNING: ' + $w.Message) }
    if ($Job.Overflow) { $ok = $false; $errors.Insert(0, "output exceeded the cap of $($Job.Limit) bytes") }
    $Job.PowerShell.Dispose()
    $running.Remove($Job.Id) | Out-Null
    Send-Reply 'result' @{ id = $Job.Id; ok = $ok; errors = $errors; ms = $Job.Clock.ElapsedMilliseconds }
    if ($Job.Compact) {
        $Job.PowerShell = $null; $Job.Output = $null
        [Runtime.GCSettings]::LargeObjectHeapCompactionMode = 'CompactOnce'
        [GC]::Collect()
    }
}

Send-Reply 'ready' @{ pid = $PID; version = $PSVersionTable.PSVersion.ToString() }
$pending = $requests.ReadLineAsync()
$handles = $null
while ($true) {
    # Sleep until a request arrives or a running one ends; wake every 250 ms only to pass on streamed output.
    # Each wake costs script time per running request (bench/worker-loop.mjs), and a request's output is
    # sent whole when it ends anyway, so the stream only needs to be timely.
    if ($null -eq $handles) {
        $handles = [Collections.Generic.List[Threading.WaitHandle]]::new()
        $handles.Add(([IAsyncResult]$pending).AsyncWaitHandle)
        foreach ($job in $running.Values) { if ($handles.Count -lt 64) { $handles.Add($job.Handle.AsyncWaitHandle) } }
        $handles = $handles.ToArray()
    }
    $wait = 250
    if ($running.Count -eq 0) { $wait = 1000 }
    $null = [Threading.WaitHandle]::WaitAny($handles, $wait)
    if ($pending.IsCompleted) {
        $line = $pending.Result
        if ($null -eq $line) { break }
        $pending = $requests.ReadLineAsync()
        $handles = $null
        $request = $null
        # Lines that are not ours (node-powershell's framing echoes) are ignored, not fatal.
        try { $request = $utf8.GetString([Convert]::FromBase64String($line)) | ConvertFrom-Json -AsHashtable } catch { }
        if ($request -is [hashtable]) {
            switch ($request.type) {
                'set' { $blobs[$request.key] = $request.value }
                'run' { Start-Request $request }
                'cancel' { if ($running.ContainsKey($request.id)) { $null = $running[$request.id].PowerShell.BeginStop($null, $null) } }
            }
        }
        # A fleet request's payload is megabytes: hold it no longer than its runspace does.
        $line = $null; $request = $null
    }
    foreach ($job in @($running.Values)) {
        if ($job.Handle.IsCompleted) { Complete-Request $job; $handles = $null }
        elseif ($job.Sent -lt $job.Output.Count) { Send-NewOutput $job }
    }
}
foreach ($job in @($running.Values)) { $job.PowerShell.Stop() }
