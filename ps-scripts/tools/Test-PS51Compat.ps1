using namespace System.Management.Automation.Language
<#
.SYNOPSIS
    Finds PowerShell 6/7-only constructs in scripts that must also run on Windows PowerShell 5.1.

.DESCRIPTION
    Parses each file with the PowerShell 7 parser (which knows the 7-only syntax) and walks the AST and
    the token stream once. Reports, each with file, line, column and rule:
      - 7-only syntax: ?? ??= ?. ?[] ternary, && / || pipeline chains, trailing &, clean {} blocks,
        generic method calls, char ranges 'a'..'z', -replace with a script block, 0b literals, numeric
        suffixes (1u, 1n, ...);
      - commands, parameters, -Encoding values and automatic variables that 5.1 does not have
        (ForEach-Object -Parallel, ConvertFrom-Json -AsHashtable, Get-Error, $IsLinux, $PSStyle, ...);
      - the string escapes `e and `u{...}, which 5.1 prints literally;
      - lines that begin with | (leading-pipe continuation);
      - warnings: non-ASCII text in a file without a BOM (5.1 reads it as the ANSI code page) and
        ConvertTo-Json without -Depth (5.1 silently truncates at depth 2).
    Splatted parameters, dynamic command names and .NET Core-only APIs cannot be seen by parsing; the
    final proof is still a run on real 5.1. This tool runs on the controller (pwsh 7), never on targets.

.PARAMETER Path
    Files to check (.ps1, .psm1). A directory is searched recursively for both.

.PARAMETER Json
    Write the findings as one JSON array instead of text lines.

.EXAMPLE
    pwsh -NoProfile -File ps-scripts/tools/Test-PS51Compat.ps1 ps-scripts/lib ps-scripts/packs

    ps-scripts/lib/Get-FsThing.ps1:12:9: error NullCoalescing: null-coalescing operator ?? is PowerShell 7.0+
    1 error(s), 0 warning(s) in 14 file(s)

.EXAMPLE
    pwsh -NoProfile -File ps-scripts/tools/Test-PS51Compat.ps1 -Json a.ps1 b.ps1

    [{"File":"/abs/a.ps1","Line":3,"Column":1,"Rule":"Ternary","Severity":"error","Message":"...","Text":"..."}]

.NOTES
    Exit code: 0 when there is no error finding (warnings allowed), 1 otherwise, 2 on bad input.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true, Position = 0, ValueFromRemainingArguments = $true)]
    [string[]]$Path,
    [switch]$Json
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

#region Tables of what 5.1 lacks
# Parameters added after 5.1. A given name matches by prefix, as the binder does, unless it is one of
# the 5.1 names in $oldParamNames (an exact name wins: Select-Object -Skip is not -SkipIndex).
$newParams = @{
    'ForEach-Object'    = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
    'ConvertFrom-Json'  = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
    'ConvertTo-Json'    = @('AsArray', 'EscapeHandling', 'EnumsAsStrings')
    'Get-Content'       = @('AsByteStream')
    'Set-Content'       = @('AsByteStream')
    'Add-Content'       = @('AsByteStream')
    'Invoke-RestMethod' = @('SkipCertificateCheck', 'Authentication', 'Form', 'StatusCodeVariable', 'ResponseHeadersVariable',
        'SkipHttpErrorCheck', 'SkipHeaderValidation', 'Resume', 'HttpVersion', 'ConnectionTimeoutSeconds',
        'OperationTimeoutSeconds', 'MaximumRetryCount', 'RetryIntervalSec', 'Token', 'AllowUnencryptedAuthentication',
        'SslProtocol', 'NoProxy', 'PreserveAuthorizationOnRedirect', 'CustomMethod', 'AllowInsecureRedirect',
        'PreserveHttpMethodOnRedirect', 'UnixSocket')
    'Invoke-WebRequest' = @('SkipCertificateCheck', 'Authentication', 'Form', 'SkipHttpErrorCheck', 'SkipHeaderValidation',
        'Resume', 'HttpVersion', 'ConnectionTimeoutSeconds', 'OperationTimeoutSeconds', 'MaximumRetryCount',
        'RetryIntervalSec', 'Token', 'AllowUnencryptedAuthentication', 'SslProtocol', 'NoProxy',
        'PreserveAuthorizationOnRedirect', 'CustomMethod', 'AllowInsecureRedirect', 'PreserveHttpMethodOnRedirect', 'UnixSocket')
    'Test-Connection'   = @('TargetName', 'TcpPort', 'Ping', 'Traceroute', 'MtuSize', 'Repeat', 'IPv4', 'IPv6',
        'ResolveDestination', 'TimeoutSeconds', 'Detailed')
    'Split-Path'        = @('LeafBase', 'Extension')
    'Join-Path'         = @('AdditionalChildPath')
    'Select-String'     = @('Raw', 'NoEmphasis', 'Culture')
    'Get-Date'          = @('UnixTimeSeconds', 'AsUTC')
    'Select-Object'     = @('SkipIndex')
    'Sort-Object'       = @('Top', 'Bottom', 'Stable')
    'Start-Process'     = @('Environment')
    'Get-Random'        = @('Shuffle')
    'Format-Hex'        = @('Count', 'Offset')
    'Export-Csv'        = @('UseQuotes', 'QuoteFields')
    'ConvertTo-Csv'     = @('UseQuotes', 'QuoteFields')
    'Where-Object'      = @('Not')
    'Invoke-Command'    = @('HostName', 'SSHConnection', 'SSHTransport', 'KeyFilePath', 'Subsystem', 'ConnectingTimeout', 'Options')
    'New-PSSession'     = @('HostName', 'SSHConnection', 'SSHTransport', 'KeyFilePath', 'Subsystem', 'ConnectingTimeout',
        'Options', 'UseWindowsPowerShell')
}
$oldParamNames = @{ 'Select-Object' = @('Skip'); 'Split-Path' = @('Leaf') }
$newCommands = @('Get-Error', 'Test-Json', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-MarkdownOption', 'Set-MarkdownOption',
    'Get-Uptime', 'Join-String', 'Remove-Alias', 'Remove-Service', 'Get-ExperimentalFeature', 'Enable-ExperimentalFeature',
    'Disable-ExperimentalFeature', 'Get-PSSubsystem', 'ConvertTo-CliXml', 'ConvertFrom-CliXml', 'Get-SecureRandom',
    'Clear-RecycleBin')
$aliases = @{ '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; '?' = 'Where-Object'; 'where' = 'Where-Object'
    'gc' = 'Get-Content'; 'cat' = 'Get-Content'; 'type' = 'Get-Content'; 'irm' = 'Invoke-RestMethod'; 'iwr' = 'Invoke-WebRequest'
    'curl' = 'Invoke-WebRequest'; 'wget' = 'Invoke-WebRequest'; 'select' = 'Select-Object'; 'sort' = 'Sort-Object'
    'sls' = 'Select-String'; 'saps' = 'Start-Process'; 'start' = 'Start-Process'; 'icm' = 'Invoke-Command'
    'nsn' = 'New-PSSession'; 'fhx' = 'Format-Hex'; 'epcsv' = 'Export-Csv'; 'sc' = 'Set-Content'; 'ac' = 'Add-Content' }
$newEncodings = @('utf8NoBOM', 'utf8BOM', 'ansi')
# Under Set-StrictMode -Version Latest, reading one of these on 5.1 throws (there it is undefined).
$newVariables = @('IsLinux', 'IsMacOS', 'IsWindows', 'IsCoreCLR', 'PSStyle', 'EnabledExperimentalFeatures',
    'PSNativeCommandArgumentPassing', 'PSNativeCommandUseErrorActionPreference')
$newTypes = @('semver', 'System.Management.Automation.SemanticVersion', 'System.Text.Json.JsonSerializer',
    'Text.Json.JsonSerializer', 'System.Range', 'System.Index', 'System.Half', 'System.DateOnly', 'System.TimeOnly',
    'DateOnly', 'TimeOnly')
# Static .NET members that .NET Framework 4.x (behind 5.1) does not have: type name -> members.
$newStaticMembers = @{
    'IO.Path'            = @('GetRelativePath', 'Join', 'TrimEndingDirectorySeparator', 'EndsInDirectorySeparator')
    'Environment'        = @('ProcessId', 'ProcessPath')
    'Convert'            = @('ToHexString', 'FromHexString')
    'OperatingSystem'    = @('IsWindows', 'IsLinux', 'IsMacOS')
    'IO.File'            = @('ReadAllTextAsync', 'WriteAllTextAsync', 'ReadAllLinesAsync', 'ReadAllBytesAsync')
}
#endregion

$findings = [System.Collections.Generic.List[object]]::new()

function Add-Finding {
    param([string]$File, [IScriptExtent]$Extent, [string]$Rule, [string]$Message, [string]$Severity = 'error')
    $firstLine = ($Extent.Text -split "`n")[0].Trim()
    if ($firstLine.Length -gt 120) { $firstLine = $firstLine.Substring(0, 120) }
    $findings.Add([pscustomobject]@{
            File = $File; Line = $Extent.StartLineNumber; Column = $Extent.StartColumnNumber
            Rule = $Rule; Severity = $Severity; Message = $Message; Text = $firstLine
        })
}

function Get-ShortTypeName([string]$Name) {
    # [System.IO.Path] and [IO.Path] name the same type.
    if ($Name.StartsWith('System.')) { return $Name.Substring(7) }
    return $Name
}

function Test-CommandAst([string]$File, [CommandAst]$Command) {
    $name = $Command.GetCommandName()
    if (-not $name) { return }
    if ($aliases.ContainsKey($name)) { $name = $aliases[$name] }
    $canonical = $newCommands | Where-Object { $_ -eq $name } | Select-Object -First 1
    if ($canonical) { Add-Finding $File $Command.Extent 'CoreOnlyCommand' "$canonical does not exist in 5.1" }
    $cmdlet = $newParams.Keys | Where-Object { $_ -eq $name } | Select-Object -First 1
    $elements = $Command.CommandElements
    $hasDepth = $false
    for ($i = 1; $i -lt $elements.Count; $i++) {
        $element = $elements[$i]
        if ($element -isnot [CommandParameterAst]) { continue }
        $given = $element.ParameterName
        if ('Depth' -like "$given*" -and $given.Length -ge 1) { $hasDepth = $true }
        if ($cmdlet -and $given.Length -ge 2) {
            $old = @()
            if ($oldParamNames.ContainsKey($cmdlet)) { $old = $oldParamNames[$cmdlet] }
            $hit = $newParams[$cmdlet] | Where-Object { $_ -like "$given*" } | Select-Object -First 1
            if ($hit -and -not ($old -contains $given)) {
                Add-Finding $File $element.Extent 'CoreOnlyParameter' "$cmdlet -$hit is not in 5.1"
            }
        }
        # The value is either -Name:value or the next element.
        $value = $element.Argument
        if ($null -eq $value -and $i + 1 -lt $elements.Count -and $elements[$i + 1] -isnot [CommandParameterAst]) {
            $value = $elements[$i + 1]
        }
        $text = $null
        if ($value -is [StringConstantExpressionAst]) { $text = $value.Value }
        if ($null -eq $text) { continue }
        if ($given.Length -ge 3 -and 'Encoding' -like "$given*" -and $newEncodings -contains $text) {
            Add-Finding $File $element.Extent 'CoreOnlyEncoding' "-Encoding $text is 6.0+ (on 5.1 write bytes with [IO.File] and UTF8Encoding(`$false))"
        }
        if ($text -eq 'Break' -and ($given -eq 'EA' -or ($given.Length -ge 6 -and 'ErrorAction' -like "$given*"))) {
            Add-Finding $File $element.Extent 'ErrorActionBreak' '-ErrorAction Break is 7.0+'
        }
    }
    if ($name -eq 'ConvertTo-Json' -and -not $hasDepth) {
        Add-Finding $File $Command.Extent 'ConvertToJsonWithoutDepth' 'ConvertTo-Json without -Depth truncates nested objects at depth 2' 'warning'
    }
}

function Test-Ast([string]$File, [Ast]$Root) {
    foreach ($node in $Root.FindAll({ $true }, $true)) {
        # One switch on the node type name: cheap per node, so a whole folder checks in about a second.
        switch ($node.GetType().Name) {
            'TernaryExpressionAst' { Add-Finding $File $node.Extent 'Ternary' 'ternary operator a ? b : c is PowerShell 7.0+' }
            'PipelineChainAst' {
                $op = '||'
                if ($node.Operator -eq [TokenKind]::AndAnd) { $op = '&&' }
                Add-Finding $File $node.Extent 'PipelineChain' "pipeline chain operator $op is PowerShell 7.0+"
                if ($node.Background) { Add-Finding $File $node.Extent 'BackgroundOperator' 'trailing & (background job) is PowerShell 6.0+' }
            }
            'PipelineAst' {
                if ($node.Background) { Add-Finding $File $node.Extent 'BackgroundOperator' 'trailing & (background job) is PowerShell 6.0+' }
            }
            'BinaryExpressionAst' {
                if ($node.Operator -eq [TokenKind]::QuestionQuestion) {
                    Add-Finding $File $node.Extent 'NullCoalescing' 'null-coalescing operator ?? is PowerShell 7.0+'
                }
                elseif ($node.Operator -eq [TokenKind]::DotDot -and $node.Left -is [StringConstantExpressionAst] -and
                    $node.Right -is [StringConstantExpressionAst] -and $node.Left.Value.Length -eq 1 -and $node.Right.Value.Length -eq 1) {
                    Add-Finding $File $node.Extent 'CharRange' "character range '$($node.Left.Value)'..'$($node.Right.Value)' is PowerShell 6.0+"
                }
                elseif (@([TokenKind]::Ireplace, [TokenKind]::Creplace) -contains $node.Operator -and $node.Right -is [ArrayLiteralAst] -and
                    @($node.Right.Elements | Where-Object { $_ -is [ScriptBlockExpressionAst] }).Count -gt 0) {
                    Add-Finding $File $node.Extent 'ReplaceScriptBlock' '-replace with a script block substitute is PowerShell 6.1+'
                }
            }
            'AssignmentStatementAst' {
                if ($node.Operator -eq [TokenKind]::QuestionQuestionEquals) {
                    Add-Finding $File $node.Extent 'NullCoalescingAssign' 'null-coalescing assignment ??= is PowerShell 7.0+'
                }
            }
            'MemberExpressionAst' {
                if ($node.NullConditional) { Add-Finding $File $node.Extent 'NullConditionalMember' 'null-conditional member access ?. is PowerShell 7.0+' }
                elseif ($node.Static -and $node.Expression -is [TypeExpressionAst] -and $node.Member -is [StringConstantExpressionAst]) {
                    $type = Get-ShortTypeName $node.Expression.TypeName.FullName
                    $members = $newStaticMembers.Keys | Where-Object { $_ -eq $type } | ForEach-Object { $newStaticMembers[$_] }
                    if (@($members) -contains $node.Member.Value) {
                        Add-Finding $File $node.Extent 'CoreOnlyApi' "[$type]::$($node.Member.Value) does not exist in .NET Framework (5.1)"
                    }
                }
            }
            'InvokeMemberExpressionAst' {
                if ($node.NullConditional) { Add-Finding $File $node.Extent 'NullConditionalMember' 'null-conditional method call ?. is PowerShell 7.0+' }
                if ($null -ne $node.GenericTypeArguments -and $node.GenericTypeArguments.Count -gt 0) {
                    Add-Finding $File $node.Extent 'GenericMethodCall' 'generic method call .Method[T]() is PowerShell 7.3+'
                }
                if ($node.Static -and $node.Expression -is [TypeExpressionAst] -and $node.Member -is [StringConstantExpressionAst]) {
                    $type = Get-ShortTypeName $node.Expression.TypeName.FullName
                    $members = $newStaticMembers.Keys | Where-Object { $_ -eq $type } | ForEach-Object { $newStaticMembers[$_] }
                    if (@($members) -contains $node.Member.Value) {
                        Add-Finding $File $node.Extent 'CoreOnlyApi' "[$type]::$($node.Member.Value)() does not exist in .NET Framework (5.1)"
                    }
                }
            }
            'IndexExpressionAst' {
                if ($node.NullConditional) { Add-Finding $File $node.Extent 'NullConditionalIndex' 'null-conditional index ?[] is PowerShell 7.0+' }
            }
            'ScriptBlockAst' {
                if ($null -ne $node.CleanBlock) { Add-Finding $File $node.CleanBlock.Extent 'CleanBlock' 'clean {} block is PowerShell 7.3+' }
            }
            'VariableExpressionAst' {
                $path = $node.VariablePath
                if (-not $path.IsDriveQualified -and $newVariables -contains $path.UserPath) {
                    Add-Finding $File $node.Extent 'CoreOnlyVariable' "`$$($path.UserPath) does not exist in 5.1 (strict mode throws there)"
                }
            }
            { $_ -eq 'TypeExpressionAst' -or $_ -eq 'TypeConstraintAst' } {
                $type = $node.TypeName.FullName
                if ($newTypes -contains $type) { Add-Finding $File $node.Extent 'CoreOnlyType' "[$type] does not exist in 5.1" }
            }
            'ConstantExpressionAst' {
                $text = $node.Extent.Text
                if ($text -match '^[+-]?0b[01]') {
                    Add-Finding $File $node.Extent 'BinaryLiteral' "binary literal $text is PowerShell 7.0+"
                }
                elseif ($text -match '^[+-]?(0x[0-9a-f]+|[0-9.]+(e[+-]?[0-9]+)?)(y|uy|s|us|u|ul|n)(kb|mb|gb|tb|pb)?$') {
                    Add-Finding $File $node.Extent 'NumericSuffix' "numeric literal suffix in $text is PowerShell 6.2+/7.0+"
                }
            }
            'CommandAst' { Test-CommandAst $File $node }
        }
    }
}

function Test-Tokens([string]$File, [Token[]]$Tokens) {
    foreach ($token in $Tokens) {
        # An odd run of backticks before e or u{ is an escape (a doubled backtick is a literal one).
        if (($token.Kind -eq [TokenKind]::StringExpandable -or $token.Kind -eq [TokenKind]::HereStringExpandable) -and
            $token.Text -match '(?<!`)(``)*`(e|u\{)') {
            Add-Finding $File $token.Extent 'CoreOnlyEscape' 'escape `e or `u{...} is PowerShell 6.0+ (5.1 prints it as text)'
        }
        if ($token.Kind -eq [TokenKind]::Pipe) {
            $before = $token.Extent.StartScriptPosition.Line.Substring(0, $token.Extent.StartColumnNumber - 1)
            if ($before.Trim() -eq '') { Add-Finding $File $token.Extent 'LeadingPipe' 'a line that starts with | is PowerShell 7.0+' }
        }
    }
}

function Test-Encoding([string]$File, [Ast]$Root) {
    $bytes = [IO.File]::ReadAllBytes($File)
    if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) { return }
    $line = 1
    for ($i = 0; $i -lt $bytes.Length; $i++) {
        if ($bytes[$i] -eq 10) { $line++ }
        elseif ($bytes[$i] -gt 0x7F) {
            $findings.Add([pscustomobject]@{
                    File = $File; Line = $line; Column = 1; Rule = 'NonAsciiWithoutBom'; Severity = 'warning'
                    Message = 'non-ASCII text in a file without a BOM: 5.1 reads it as the ANSI code page'; Text = ''
                })
            return
        }
    }
}

# Expand directories; keep the order given.
$files = [System.Collections.Generic.List[string]]::new()
foreach ($p in $Path) {
    if (-not (Test-Path -LiteralPath $p)) {
        [Console]::Error.WriteLine("Test-PS51Compat: no such file: $p")
        exit 2
    }
    $item = Get-Item -LiteralPath $p
    if ($item.PSIsContainer) {
        Get-ChildItem -LiteralPath $item.FullName -Recurse -File |
            Where-Object { $_.Extension -eq '.ps1' -or $_.Extension -eq '.psm1' } |
            Sort-Object FullName | ForEach-Object { $files.Add($_.FullName) }
    }
    else { $files.Add($item.FullName) }
}

foreach ($file in $files) {
    $tokens = $null
    $parseErrors = $null
    $ast = [Parser]::ParseFile($file, [ref]$tokens, [ref]$parseErrors)
    foreach ($parseError in $parseErrors) { Add-Finding $file $parseError.Extent 'ParseError' $parseError.Message }
    Test-Ast $file $ast
    Test-Tokens $file $tokens
    Test-Encoding $file $ast
}

$sorted = @($findings | Sort-Object File, Line, Column, Rule)
$errorCount = @($sorted | Where-Object { $_.Severity -eq 'error' }).Count
if ($Json) {
    ConvertTo-Json -InputObject $sorted -Depth 4 -Compress
}
else {
    foreach ($f in $sorted) { '{0}:{1}:{2}: {3} {4}: {5}' -f $f.File, $f.Line, $f.Column, $f.Severity, $f.Rule, $f.Message }
    '{0} error(s), {1} warning(s) in {2} file(s)' -f $errorCount, ($sorted.Count - $errorCount), $files.Count
}
if ($errorCount -gt 0) { exit 1 }
exit 0
