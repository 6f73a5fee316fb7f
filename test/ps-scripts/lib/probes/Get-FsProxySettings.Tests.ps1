BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsProxySettings (Windows cmdlets mocked)' {
    It 'reads SYSTEM WinINET values and keeps the raw netsh text' {
        Mock Test-Path { $true }
        Mock Get-ItemProperty { [pscustomobject]@{ ProxyEnable = 1; ProxyServer = 'proxy:8080' } } -ParameterFilter { $LiteralPath -like 'Registry::HKEY_USERS\S-1-5-18\*' }
        Mock netsh { 'Current WinHTTP proxy settings:'; ''; '    Direct access (no proxy server).' }
        $p = Get-FsProxySettings
        $p.winInet.proxyEnable | Should -Be 1
        $p.winInet.proxyServer | Should -Be 'proxy:8080'
        $p.winInet.autoConfigUrl | Should -BeNullOrEmpty
        $p.winHttpText | Should -BeLike '*Direct access (no proxy server).'
    }

    It 'falls back to HKU\.DEFAULT when S-1-5-18 is not loaded' {
        Mock Test-Path { $LiteralPath -like '*\.DEFAULT\*' }
        Mock Get-ItemProperty { [pscustomobject]@{ ProxyEnable = 0; AutoConfigURL = 'http://wpad/proxy.pac' } }
        Mock netsh { 'Direct access (no proxy server).' }
        (Get-FsProxySettings).winInet.autoConfigUrl | Should -Be 'http://wpad/proxy.pac'
    }
}
