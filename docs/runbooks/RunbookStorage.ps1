# Where the sharded runbooks keep their files: dot-sourced by Invoke-DataSyncInventoryShard.ps1 and
# Merge-DataSyncInventory.ps1 (keep the three files in one folder). One store is a local or shared folder, an S3
# bucket and key prefix (AWS.Tools.S3, or the older AWSPowerShell), or an Azure blob container (Az.Storage with the
# signed-in identity). Every file of a run lives under <prefix>/<RunId>/, so two runs never mix.

function New-InventoryStore {
    <# The store a script's storage parameters name, with the run's folder (RunId) inside it. #>
    param([Parameter(Mandatory)] [hashtable] $Bound, [Parameter(Mandatory)] [string] $RunId)
    if ($RunId -notmatch '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$') {
        throw (New-RunbookError 'InvalidRunId' "The run id '$RunId' may hold only letters, digits, '.', '_', ':' and '-' (at most 128): it names the run's folder." 'InvalidArgument' $RunId)
    }
    $folder = $RunId -replace ':', '-'
    if ($Bound.LocalFolder) {
        $root = Join-Path $Bound.LocalFolder $folder
        return [pscustomobject]@{ Kind = 'Local'; Root = $root; Display = $root }
    }
    if ($Bound.S3BucketName) {
        $prefix = (@($Bound.S3KeyPrefix, $folder) | Where-Object { $_ } | ForEach-Object { $_.Trim('/') }) -join '/'
        return [pscustomobject]@{ Kind = 'S3'; Bucket = $Bound.S3BucketName; Prefix = $prefix; Region = $Bound.S3Region; Display = "s3://$($Bound.S3BucketName)/$prefix" }
    }
    if ($Bound.StorageAccountName -and $Bound.ContainerName) {
        $prefix = (@($Bound.BlobPrefix, $folder) | Where-Object { $_ } | ForEach-Object { $_.Trim('/') }) -join '/'
        return [pscustomobject]@{
            Kind = 'Blob'; Account = $Bound.StorageAccountName; Container = $Bound.ContainerName; Prefix = $prefix
            Display = "https://$($Bound.StorageAccountName).blob.core.windows.net/$($Bound.ContainerName)/$prefix"
        }
    }
    throw (New-RunbookError 'NoStorage' 'Name where the files go: -LocalFolder, -S3BucketName, or -StorageAccountName with -ContainerName.' 'InvalidArgument' $null)
}

function New-RunbookError {
    <# An ErrorRecord with a specific error id, category and target, for the engine's log. #>
    param([string] $Id, [string] $Message, [Management.Automation.ErrorCategory] $Category = 'NotSpecified', $Target)
    [Management.Automation.ErrorRecord]::new([Exception]::new($Message), $Id, $Category, $Target)
}

function Import-StoreModule {
    <# The cloud module a store needs, imported when it is first used (a local folder needs none). #>
    param([Parameter(Mandatory)] $Store)
    if ($Store.Kind -eq 'S3') {
        if (Get-Module -ListAvailable -Name AWS.Tools.S3) { Import-Module AWS.Tools.S3 }
        elseif (Get-Module -ListAvailable -Name AWSPowerShell) { Import-Module AWSPowerShell }
        else { throw (New-RunbookError 'StorageModuleMissing' 'AWS.Tools.S3 is not installed (Install-Module AWS.Tools.S3 -Scope AllUsers).' 'NotInstalled' 'AWS.Tools.S3') }
    }
    elseif ($Store.Kind -eq 'Blob') {
        Import-Module Az.Storage
        if (-not $Store.PSObject.Properties['Context']) {
            # The signed-in identity (Connect-AzAccount -Identity in Azure Automation): no account key.
            $Store | Add-Member -NotePropertyName Context -NotePropertyValue (New-AzStorageContext -StorageAccountName $Store.Account -UseConnectedAccount)
        }
    }
}

function Save-StoreFile {
    <# Copies a local file into the run's folder under its own name (replacing the file of an earlier attempt); returns where. #>
    param([Parameter(Mandatory)] $Store, [Parameter(Mandatory)] [string] $Path)
    $name = Split-Path -Leaf $Path
    Import-StoreModule $Store
    switch ($Store.Kind) {
        'Local' {
            New-Item -ItemType Directory -Path $Store.Root -Force | Out-Null
            $target = Join-Path $Store.Root $name
            # Copy, then rename: a merge reading the folder meanwhile sees the old file or the new one, never half of one.
            $partial = "$target.partial"
            Copy-Item -LiteralPath $Path -Destination $partial -Force
            Move-Item -LiteralPath $partial -Destination $target -Force
            $target
        }
        'S3' {
            $s3 = @{ BucketName = $Store.Bucket; Key = "$($Store.Prefix)/$name"; File = $Path }
            if ($Store.Region) { $s3.Region = $Store.Region }
            Write-S3Object @s3 | Out-Null
            "s3://$($Store.Bucket)/$($Store.Prefix)/$name"
        }
        'Blob' {
            Set-AzStorageBlobContent -File $Path -Container $Store.Container -Blob "$($Store.Prefix)/$name" -Context $Store.Context -Force | Out-Null
            "$($Store.Display)/$name"
        }
    }
}

function Receive-StoreFile {
    <# Copies the run's files whose names match -Filter into -Destination; returns the local paths, by name. #>
    param([Parameter(Mandatory)] $Store, [Parameter(Mandatory)] [string] $Filter, [Parameter(Mandatory)] [string] $Destination)
    Import-StoreModule $Store
    New-Item -ItemType Directory -Path $Destination -Force | Out-Null
    $names = switch ($Store.Kind) {
        'Local' {
            if (Test-Path -LiteralPath $Store.Root) { Get-ChildItem -LiteralPath $Store.Root -File -Filter $Filter | ForEach-Object Name }
        }
        'S3' {
            $s3 = @{ BucketName = $Store.Bucket; KeyPrefix = "$($Store.Prefix)/" }
            if ($Store.Region) { $s3.Region = $Store.Region }
            Get-S3Object @s3 | ForEach-Object { $_.Key.Substring($s3.KeyPrefix.Length) } | Where-Object { $_ -notmatch '/' -and $_ -like $Filter }
        }
        'Blob' {
            Get-AzStorageBlob -Container $Store.Container -Prefix "$($Store.Prefix)/" -Context $Store.Context |
                ForEach-Object { $_.Name.Substring($Store.Prefix.Length + 1) } | Where-Object { $_ -notmatch '/' -and $_ -like $Filter }
        }
    }
    foreach ($name in @($names | Sort-Object)) {
        $local = Join-Path $Destination $name
        switch ($Store.Kind) {
            'Local' { Copy-Item -LiteralPath (Join-Path $Store.Root $name) -Destination $local -Force }
            'S3' {
                $s3 = @{ BucketName = $Store.Bucket; Key = "$($Store.Prefix)/$name"; File = $local }
                if ($Store.Region) { $s3.Region = $Store.Region }
                Read-S3Object @s3 | Out-Null
            }
            'Blob' { Get-AzStorageBlobContent -Container $Store.Container -Blob "$($Store.Prefix)/$name" -Destination $local -Context $Store.Context -Force | Out-Null }
        }
        $local
    }
}

function Split-ListParameter {
    <# A list given on a command line or by an engine as one string ("a,b c;d") as its items; arrays pass through. #>
    param([string[]] $Value)
    @($Value | ForEach-Object { $_ -split '[,;\s]+' } | Where-Object { $_ })
}
