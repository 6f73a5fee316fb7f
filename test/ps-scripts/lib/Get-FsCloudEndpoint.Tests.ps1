BeforeAll { . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsCloudEndpoint' {
    It 'samples the public cloud with the Entra ID hosts and the geo-specific Azure Backup host' {
        $rows = @(Get-FsCloudEndpoint -Cloud public -GeoCode 'weu' -StorageHost @('acct.blob.core.windows.net'))
        @($rows | ForEach-Object { $_.host }) | Should -Be @('login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'pod01-rec2.weu.backup.windowsazure.com', 'acct.blob.core.windows.net')
        @($rows | ForEach-Object { $_.severity }) | Should -Be @('fail', 'fail', 'warn', 'fail', 'fail')
    }

    It 'uses the 21Vianet hosts for china and marks rows without their input as skipped' {
        $rows = @(Get-FsCloudEndpoint -Cloud china)
        $rows[0].host | Should -Be 'login.partner.microsoftonline.cn'
        (@($rows | Where-Object { $_.role -eq 'backup' })[0]).skip | Should -Be 'vaultGeoCode not given'
        (@($rows | Where-Object { $_.role -eq 'storage' })[0]).skip | Should -Be 'storageProbeHosts not given'
    }

    It 'rates global storage hosts only as warn for usgov' {
        $rows = @(Get-FsCloudEndpoint -Cloud usgov -StorageHost @('a.blob.core.usgovcloudapi.net', 'b.blob.core.windows.net'))
        (@($rows | Where-Object { $_.host -eq 'a.blob.core.usgovcloudapi.net' })[0]).severity | Should -Be 'fail'
        (@($rows | Where-Object { $_.host -eq 'b.blob.core.windows.net' })[0]).severity | Should -Be 'warn'
    }
}
