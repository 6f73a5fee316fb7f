BeforeAll {
    . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1')
    # The registry as Get-ItemProperty shows it: REG_BINARY values are byte[], REG_DWORD Int32, REG_SZ String.
    $global:FsTestRegistry = @{}
    function Set-FsKey([string]$Path, [hashtable]$Values) { $global:FsTestRegistry[$Path] = [pscustomobject]$Values }
    # WinHttpSettings exactly as 'netsh winhttp set proxy proxy.contoso.local:8080 "<local>"' writes it.
    function New-FsWinHttpBytes([string]$Proxy, [string]$Bypass, [int]$Flags = 3) {
        $bytes = New-Object System.Collections.Generic.List[byte]
        $bytes.AddRange([byte[]](0x28, 0, 0, 0, 5, 0, 0, 0))
        $bytes.AddRange([System.BitConverter]::GetBytes([int]$Flags))
        foreach ($s in @($Proxy, $Bypass)) { $bytes.AddRange([System.BitConverter]::GetBytes([int]$s.Length)); $bytes.AddRange([System.Text.Encoding]::ASCII.GetBytes($s)) }
        , $bytes.ToArray()
    }
    $script:System = 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    $script:Connections = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'
}

Describe 'Get-FsProxySettings (registry cmdlets mocked with real value types)' {
    BeforeEach {
        $global:FsTestRegistry = @{}
        Mock Test-Path { $global:FsTestRegistry.Contains([string]$LiteralPath) }
        Mock Get-ItemProperty { $global:FsTestRegistry[[string]$LiteralPath] }
        Mock netsh { 'Aktuelle WinHTTP-Proxyeinstellungen:'; ''; '    Proxyserver:  proxy.contoso.local:8080'; '    Umgehungsliste:  <local>' }
    }

    It 'German host: the WinHTTP proxy comes from the WinHttpSettings record, not from the localised netsh text' {
        Set-FsKey $System @{ ProxyEnable = 0 }
        Set-FsKey $Connections @{ WinHttpSettings = (New-FsWinHttpBytes 'proxy.contoso.local:8080' '<local>') }
        $p = Get-FsProxySettings
        $p.winHttp.proxyServer | Should -Be 'proxy.contoso.local:8080'
        $p.winHttp.bypass | Should -Be '<local>'
        Should -Invoke netsh -Times 0
    }

    It 'reads WinHTTP as direct after "netsh winhttp reset proxy" (flags 1, empty strings) and when the value is absent' {
        Set-FsKey $Connections @{ WinHttpSettings = (New-FsWinHttpBytes '' '' 1) }
        (Get-FsProxySettings).winHttp.proxyServer | Should -BeNullOrEmpty
        $global:FsTestRegistry.Remove($Connections)
        (Get-FsProxySettings).winHttp.source | Should -Be 'WinHttpSettings absent (direct access)'
    }

    It 'reads SYSTEM''s WinINET values from HKU\S-1-5-18' {
        Set-FsKey $System @{ ProxyEnable = 1; ProxyServer = 'http=proxy:80;https=proxy:8443'; ProxyOverride = '*.contoso.local;<local>' }
        $p = Get-FsProxySettings
        $p.winInetSource | Should -Be 'SYSTEM (HKU\S-1-5-18)'
        $p.winInet.proxyServer | Should -Be 'http=proxy:80;https=proxy:8443'
        $p.winInet.proxyOverride | Should -Be '*.contoso.local;<local>'
    }

    It 'per-machine proxy policy (ProxySettingsPerUser = 0): reads the HKLM key, not SYSTEM''s' {
        Set-FsKey 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings' @{ ProxySettingsPerUser = 0 }
        Set-FsKey 'HKLM:\Software\Microsoft\Windows\CurrentVersion\Internet Settings' @{ ProxyEnable = 1; ProxyServer = 'machineproxy:3128' }
        Set-FsKey $System @{ ProxyEnable = 1; ProxyServer = 'userproxy:8080' }
        $p = Get-FsProxySettings
        $p.winInetSource | Should -Be 'machine (policy ProxySettingsPerUser=0)'
        $p.winInet.proxyServer | Should -Be 'machineproxy:3128'
    }

    It 'reads "Automatically detect settings" (WPAD) from the DefaultConnectionSettings flags' {
        Set-FsKey $System @{ ProxyEnable = 0 }
        Set-FsKey ($System + '\Connections') @{ DefaultConnectionSettings = (New-FsWinHttpBytes '' '' 9) }
        (Get-FsProxySettings).winInet.autoDetect | Should -BeTrue
    }

    It 'throws when the WinHTTP key cannot be read, rather than reading it as direct' {
        Set-FsKey $Connections @{ WinHttpSettings = (New-FsWinHttpBytes 'p:1' '' 3) }
        Mock Get-ItemProperty { throw 'Requested registry access is not allowed.' } -ParameterFilter { [string]$LiteralPath -eq $Connections }
        { Get-FsProxySettings } | Should -Throw 'Requested registry access is not allowed.'
    }
}

Describe 'Resolve-FsProxy for proxy = system (registry cmdlets mocked)' {
    BeforeEach {
        $global:FsTestRegistry = @{}
        Mock Test-Path { $global:FsTestRegistry.Contains([string]$LiteralPath) }
        Mock Get-ItemProperty { $global:FsTestRegistry[[string]$LiteralPath] }
        $script:Context = @{ Vars = @{ proxy = 'system' } }
    }

    It 'takes the https= entry of a per-protocol WinINET list, not the first (http=) one' {
        Set-FsKey $System @{ ProxyEnable = 1; ProxyServer = 'http=webproxy:80;https=secureproxy:8443'; ProxyOverride = '*.contoso.local;<local>' }
        $r = Resolve-FsProxy -Context $Context
        $r.uri | Should -Be 'http://secureproxy:8443'
        $r.bypass | Should -Be @('*.contoso.local', '<local>')
    }

    It 'sends HTTPS direct when the WinINET list names only an http= proxy' {
        Set-FsKey $System @{ ProxyEnable = 1; ProxyServer = 'http=webproxy:80' }
        $r = Resolve-FsProxy -Context $Context
        $r.uri | Should -BeNullOrEmpty
        $r.detail | Should -BeLike '*names no https= proxy: HTTPS goes direct*'
    }

    It 'falls back to the WinHTTP proxy when SYSTEM''s WinINET is direct' {
        Set-FsKey $System @{ ProxyEnable = 0 }
        Set-FsKey $Connections @{ WinHttpSettings = (New-FsWinHttpBytes 'proxy.contoso.local:8080' '<local>') }
        $r = Resolve-FsProxy -Context $Context
        $r.uri | Should -Be 'http://proxy.contoso.local:8080'
        $r.source | Should -Be 'WinHTTP (WinHttpSettings)'
    }

    It 'says a PAC script decides, instead of pretending the direct path is the agent''s' {
        Set-FsKey $System @{ ProxyEnable = 0; AutoConfigURL = 'http://wpad.contoso.local/proxy.pac' }
        $r = Resolve-FsProxy -Context $Context
        $r.uri | Should -BeNullOrEmpty
        $r.pac | Should -BeTrue
        $r.detail | Should -BeLike '*PAC script http://wpad.contoso.local/proxy.pac*cannot be evaluated*'
    }
}

Describe 'Test-FsProxyBypass' {
    It 'matches wildcard entries case-insensitively and the local entry for dotless names only' {
        Test-FsProxyBypass -HostName 'login.MicrosoftOnline.com' -Bypass @('*.microsoftonline.com') | Should -BeTrue
        Test-FsProxyBypass -HostName 'intranet' -Bypass @('<local>') | Should -BeTrue
        Test-FsProxyBypass -HostName 'login.windows.net' -Bypass @('<local>', '*.contoso.local') | Should -BeFalse
    }
}
