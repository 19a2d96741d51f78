# Expected objects of the inventory cmdlets, computed independently from the emulator's dataset JSON (the
# DescribeTask / DescribeLocation* / DescribeAgent / DescribeTaskExecution outputs), and a comparer that checks
# every property of an object against them. Import with: Import-Module "$PSScriptRoot/InventoryComparison.psm1" -Force

$script:LocationTypeOfScheme = @{
    's3' = 'S3'; 'efs' = 'EFS'; 'fsxw' = 'FSx-Windows'; 'fsxl' = 'FSx-Lustre'; 'fsxz' = 'FSx-OpenZFS'
    'fsxn-nfs' = 'FSx-ONTAP'; 'fsxn-smb' = 'FSx-ONTAP'; 'nfs' = 'NFS'; 'smb' = 'SMB'; 'hdfs' = 'HDFS'
    'object-storage' = 'Object Storage'; 'azure-blob' = 'Azure Blob'
}

function ConvertFrom-DatasetTime {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) { return [DateTimeOffset]::Parse($Value, [Globalization.CultureInfo]::InvariantCulture).UtcDateTime }
    if ($Value -is [DateTime]) { return $Value.ToUniversalTime() }
    [DateTimeOffset]::FromUnixTimeMilliseconds([long][Math]::Round([double]$Value * 1000)).UtcDateTime
}

function ConvertTo-List {
    # A JSON array (or nothing) as an array: $null and a missing member both give @().
    param($Value)
    if ($null -eq $Value) { return , @() }
    , @($Value)
}

function Get-Patterns {
    # The '|'-separated patterns of every filter rule (the non-empty pieces), in order.
    param($Rules)
    $pieces = [Collections.Generic.List[string]]::new()
    foreach ($rule in @($Rules)) {
        if ($null -eq $rule -or [string]::IsNullOrEmpty($rule.Value)) { continue }
        foreach ($piece in $rule.Value.Split('|')) { if ($piece.Length -gt 0) { $pieces.Add($piece) } }
    }
    , $pieces.ToArray()
}

function Get-DatasetRegion {
    <# The dataset's Regions of one account, as objects with Region, Tasks, Locations, Agents, Executions. #>
    param([Parameter(Mandatory)] $Dataset, [string] $AccountId = '111122223333')
    ($Dataset.Accounts | Where-Object AccountId -eq $AccountId).Regions
}

function Split-LocationUri {
    param([string] $Uri)
    $sep = $Uri.IndexOf('://')
    $scheme = $Uri.Substring(0, $sep).ToLowerInvariant()
    $rest = $Uri.Substring($sep + 3)
    $slash = $rest.IndexOf('/')
    $hostPart = if ($slash -lt 0) { $rest } else { $rest.Substring(0, $slash) }
    $path = if ($slash -lt 0) { '' } else { $rest.Substring($slash) }
    $segments = @($path.Split('/', [StringSplitOptions]::RemoveEmptyEntries))
    [pscustomobject]@{ Scheme = $scheme; Host = $hostPart; Path = $path; Segments = $segments }
}

function New-ExpectedTask {
    param([Parameter(Mandatory)] $Json, [Parameter(Mandatory)] [string] $Region, [string] $AccountId = '111122223333')
    $o = $Json.Options
    [ordered]@{
        AccountId                       = $AccountId
        AccountName                     = $AccountId
        Region                          = $Region
        TaskArn                         = $Json.TaskArn
        Name                            = $Json.Name
        Status                          = $Json.Status
        TaskMode                        = $Json.TaskMode
        SourceLocationArn               = $Json.SourceLocationArn
        DestinationLocationArn          = $Json.DestinationLocationArn
        CloudWatchLogGroupArn           = $Json.CloudWatchLogGroupArn
        CreationTime                    = ConvertFrom-DatasetTime $Json.CreationTime
        ScheduleExpression              = $Json.Schedule.ScheduleExpression
        ScheduleStatus                  = $Json.Schedule.Status
        HasSchedule                     = -not [string]::IsNullOrEmpty($Json.Schedule.ScheduleExpression)
        ScheduleStatusUpdateTime        = ConvertFrom-DatasetTime $Json.ScheduleDetails.StatusUpdateTime
        ScheduleDisabledBy              = $Json.ScheduleDetails.DisabledBy
        ScheduleDisabledReason          = $Json.ScheduleDetails.DisabledReason
        VerifyMode                      = $o.VerifyMode
        OverwriteMode                   = $o.OverwriteMode
        Atime                           = $o.Atime
        Mtime                           = $o.Mtime
        Uid                             = $o.Uid
        Gid                             = $o.Gid
        PreserveDeletedFiles            = $o.PreserveDeletedFiles
        PreserveDevices                 = $o.PreserveDevices
        PosixPermissions                = $o.PosixPermissions
        BytesPerSecond                  = $o.BytesPerSecond
        TaskQueueing                    = $o.TaskQueueing
        LogLevel                        = $o.LogLevel
        TransferMode                    = $o.TransferMode
        SecurityDescriptorCopyFlags     = $o.SecurityDescriptorCopyFlags
        ObjectTags                      = $o.ObjectTags
        IncludeCount                    = (Get-Patterns $Json.Includes).Count
        ExcludeCount                    = (Get-Patterns $Json.Excludes).Count
        IncludePatterns                 = Get-Patterns $Json.Includes
        ExcludePatterns                 = Get-Patterns $Json.Excludes
        ErrorCode                       = $Json.ErrorCode
        ErrorDetail                     = $Json.ErrorDetail
        CurrentTaskExecutionArn         = $Json.CurrentTaskExecutionArn
        SourceNetworkInterfaceArns      = ConvertTo-List $Json.SourceNetworkInterfaceArns
        DestinationNetworkInterfaceArns = ConvertTo-List $Json.DestinationNetworkInterfaceArns
        Options                         = @{ Json = $Json.Options }
        Includes                        = @{ Json = (ConvertTo-List $Json.Includes) }
        Excludes                        = @{ Json = (ConvertTo-List $Json.Excludes) }
        ManifestConfig                  = @{ Json = $Json.ManifestConfig }
        TaskReportConfig                = @{ Json = $Json.TaskReportConfig }
        Tags                            = @{ EmptySet = $true } # read only with -IncludeTags
    }
}

# The DescribeTask members the expected task above accounts for (a new one in the dataset must be added there).
$script:TaskMembers = @('TaskArn', 'Status', 'Name', 'CurrentTaskExecutionArn', 'SourceLocationArn', 'DestinationLocationArn',
    'CloudWatchLogGroupArn', 'SourceNetworkInterfaceArns', 'DestinationNetworkInterfaceArns', 'Options', 'Excludes', 'Includes',
    'Schedule', 'ScheduleDetails', 'ErrorCode', 'ErrorDetail', 'CreationTime', 'ManifestConfig', 'TaskReportConfig', 'TaskMode')

function New-ExpectedLocation {
    param([Parameter(Mandatory)] $Json, [Parameter(Mandatory)] [string] $Region, [string] $AccountId = '111122223333')
    $uri = Split-LocationUri $Json.LocationUri
    $type = $script:LocationTypeOfScheme[$uri.Scheme]
    $hostParts = $uri.Host.Split('.')
    $fsId = $hostParts | Where-Object { $_ -like 'fs-*' } | Select-Object -First 1
    $hostRegion = if ($fsId) { $hostParts[0] } else { $null }
    $serverHost = if ($type -in 'NFS', 'SMB', 'Object Storage', 'Azure Blob') { ($uri.Host -replace ':\d+$', '') } else { $null }
    $subdirectory = if ($type -in 'Object Storage', 'Azure Blob') {
        if ($uri.Segments.Count -gt 1) { '/' + (($uri.Segments | Select-Object -Skip 1) -join '/') + $(if ($uri.Path.EndsWith('/')) { '/' }) } else { '/' }
    }
    elseif ($uri.Path.Length -eq 0) { '/' } else { $uri.Path }
    $smb = $Json.Protocol.SMB
    $secret = @($Json.ManagedSecretConfig, $Json.CmkSecretConfig, $Json.CustomSecretConfig, $smb.ManagedSecretConfig, $smb.CmkSecretConfig, $smb.CustomSecretConfig) |
        Where-Object { $_ } | Select-Object -First 1
    $firstNameNode = @($Json.NameNodes)[0]
    [ordered]@{
        AccountId                 = $AccountId
        AccountName               = $AccountId
        Region                    = $Region
        LocationArn               = $Json.LocationArn
        LocationUri               = $Json.LocationUri
        LocationType              = $type
        CreationTime              = ConvertFrom-DatasetTime $Json.CreationTime
        Subdirectory              = $subdirectory
        AgentArns                 = if ($type -eq 'NFS') { ConvertTo-List $Json.OnPremConfig.AgentArns } else { ConvertTo-List $Json.AgentArns }
        S3BucketArn               = if ($type -eq 'S3') { "arn:aws:s3:::$($uri.Host)" } else { $null }
        S3StorageClass            = $Json.S3StorageClass
        BucketAccessRoleArn       = $Json.S3Config.BucketAccessRoleArn
        EfsFileSystemArn          = if ($type -eq 'EFS') { "arn:aws:elasticfilesystem:${hostRegion}:${AccountId}:file-system/$fsId" } else { $null }
        Ec2SubnetArn              = $Json.Ec2Config.SubnetArn
        AccessPointArn            = $Json.AccessPointArn
        FileSystemAccessRoleArn   = $Json.FileSystemAccessRoleArn
        InTransitEncryption       = $Json.InTransitEncryption
        FsxFileSystemArn          = if ($type -eq 'FSx-ONTAP') { $Json.FsxFilesystemArn } elseif ($type -like 'FSx-*') { "arn:aws:fsx:${hostRegion}:${AccountId}:file-system/$fsId" } else { $null }
        StorageVirtualMachineArn  = $Json.StorageVirtualMachineArn
        FsxProtocol               = if ($Json.Protocol.NFS) { 'NFS' } elseif ($smb) { 'SMB' } else { $null }
        SecurityGroupArns         = if ($type -eq 'EFS') { ConvertTo-List $Json.Ec2Config.SecurityGroupArns } else { ConvertTo-List $Json.SecurityGroupArns }
        ServerHostname            = if ($type -eq 'HDFS') { $firstNameNode.Hostname } else { $serverHost }
        ServerPort                = if ($type -eq 'HDFS') { $firstNameNode.Port } else { $Json.ServerPort }
        ServerProtocol            = $Json.ServerProtocol
        MountOptionsVersion       = @($Json.MountOptions.Version, $Json.Protocol.NFS.MountOptions.Version, $smb.MountOptions.Version) | Where-Object { $_ } | Select-Object -First 1
        User                      = if ($null -ne $Json.User) { $Json.User } else { $smb.User }
        Domain                    = if ($null -ne $Json.Domain) { $Json.Domain } else { $smb.Domain }
        DnsIpAddresses            = ConvertTo-List $Json.DnsIpAddresses
        AuthenticationType        = $Json.AuthenticationType
        KerberosPrincipal         = $Json.KerberosPrincipal
        NameNodeCount             = if ($type -eq 'HDFS') { @($Json.NameNodes).Count } else { $null }
        NameNodes                 = @{ Json = (ConvertTo-List $Json.NameNodes) }
        BlockSize                 = $Json.BlockSize
        ReplicationFactor         = $Json.ReplicationFactor
        KmsKeyProviderUri         = $Json.KmsKeyProviderUri
        SimpleUser                = $Json.SimpleUser
        QopRpcProtection          = $Json.QopConfiguration.RpcProtection
        QopDataTransferProtection = $Json.QopConfiguration.DataTransferProtection
        BucketName                = if ($type -eq 'Object Storage') { $uri.Segments[0] } else { $null }
        AccessKey                 = $Json.AccessKey
        AzureBlobContainerUrl     = if ($type -eq 'Azure Blob') { "https://$($uri.Host)/$($uri.Segments[0])" } else { $null }
        BlobType                  = $Json.BlobType
        AccessTier                = $Json.AccessTier
        SecretArn                 = $secret.SecretArn
        Detail                    = @{ Json = $Json }
        Tags                      = @{ EmptySet = $true } # read only with -IncludeTags
    }
}

function New-ExpectedAgent {
    param([Parameter(Mandatory)] $Json, [Parameter(Mandatory)] [string] $Region, [string] $AccountId = '111122223333')
    $pl = $Json.PrivateLinkConfig
    [ordered]@{
        AccountId            = $AccountId
        AccountName          = $AccountId
        Region               = $Region
        AgentArn             = $Json.AgentArn
        Name                 = $Json.Name
        Status               = $Json.Status
        EndpointType         = $Json.EndpointType
        LastConnectionTime   = ConvertFrom-DatasetTime $Json.LastConnectionTime
        CreationTime         = ConvertFrom-DatasetTime $Json.CreationTime
        PlatformVersion      = $Json.Platform.Version
        VpcEndpointId        = $pl.VpcEndpointId
        PrivateLinkEndpoint  = $pl.PrivateLinkEndpoint
        PrivateLinkSubnetArn = @($pl.SubnetArns)[0]
        SubnetArns           = ConvertTo-List $pl.SubnetArns
        SecurityGroupArns    = ConvertTo-List $pl.SecurityGroupArns
        PrivateLinkConfig    = @{ Json = $pl }
        Platform             = @{ Json = $Json.Platform }
        Tags                 = @{ EmptySet = $true } # read only with -IncludeTags
    }
}

$script:AgentMembers = @('AgentArn', 'Name', 'Status', 'LastConnectionTime', 'CreationTime', 'EndpointType', 'PrivateLinkConfig', 'Platform')

function New-ExpectedExecution {
    param([Parameter(Mandatory)] $Json, [Parameter(Mandatory)] [string] $Region, $TaskJson, [string] $AccountId = '111122223333')
    $r = $Json.Result
    $ff = $Json.FilesFailed
    $ms = { param($v) if ($null -eq $v) { $null } else { [TimeSpan]::FromMilliseconds([double]$v) } }
    [ordered]@{
        AccountId                  = $AccountId
        AccountName                = $AccountId
        Region                     = $Region
        TaskExecutionArn           = $Json.TaskExecutionArn
        TaskArn                    = $Json.TaskExecutionArn.Substring(0, $Json.TaskExecutionArn.IndexOf('/execution/'))
        TaskName                   = $TaskJson.Name
        Status                     = $Json.Status
        TaskMode                   = $Json.TaskMode
        StartTime                  = ConvertFrom-DatasetTime $Json.StartTime
        LaunchTime                 = ConvertFrom-DatasetTime $Json.LaunchTime
        EndTime                    = ConvertFrom-DatasetTime $Json.EndTime
        Duration                   = & $ms $r.TotalDuration
        TotalDuration              = & $ms $r.TotalDuration
        PrepareDuration            = & $ms $r.PrepareDuration
        TransferDuration           = & $ms $r.TransferDuration
        VerifyDuration             = & $ms $r.VerifyDuration
        PrepareStatus              = $r.PrepareStatus
        TransferStatus             = $r.TransferStatus
        VerifyStatus               = $r.VerifyStatus
        FilesTransferred           = $Json.FilesTransferred
        FilesSkipped               = $Json.FilesSkipped
        FilesVerified              = $Json.FilesVerified
        FilesDeleted               = $Json.FilesDeleted
        FilesPrepared              = $Json.FilesPrepared
        FilesFailed                = if ($null -eq $ff) { $null } else { [long]$ff.Prepare + [long]$ff.Transfer + [long]$ff.Verify + [long]$ff.Delete }
        BytesTransferred           = $Json.BytesTransferred
        BytesWritten               = $Json.BytesWritten
        BytesCompressed            = $Json.BytesCompressed
        EstimatedFilesToTransfer   = $Json.EstimatedFilesToTransfer
        EstimatedBytesToTransfer   = $Json.EstimatedBytesToTransfer
        EstimatedFilesToDelete     = $Json.EstimatedFilesToDelete
        ErrorCode                  = $r.ErrorCode
        ErrorDetail                = $r.ErrorDetail
        Result                     = @{ Json = $r }
        FilesFailedDetail          = @{ Json = $ff }
        FilesListed                = @{ Json = $Json.FilesListed }
        EstimatedFoldersToDelete   = $Json.EstimatedFoldersToDelete
        EstimatedFoldersToTransfer = $Json.EstimatedFoldersToTransfer
        FoldersSkipped             = $Json.FoldersSkipped
        FoldersPrepared            = $Json.FoldersPrepared
        FoldersTransferred         = $Json.FoldersTransferred
        FoldersVerified            = $Json.FoldersVerified
        FoldersDeleted             = $Json.FoldersDeleted
        FoldersListed              = @{ Json = $Json.FoldersListed }
        FoldersFailed              = @{ Json = $Json.FoldersFailed }
        ReportResult               = @{ Json = $Json.ReportResult }
        Options                    = @{ Json = $Json.Options }
        Includes                   = @{ Json = (ConvertTo-List $Json.Includes) }
        Excludes                   = @{ Json = (ConvertTo-List $Json.Excludes) }
        ManifestConfig             = @{ Json = $Json.ManifestConfig }
        TaskReportConfig           = @{ Json = $Json.TaskReportConfig }
        Tags                       = @{ EmptySet = $true } # read only with -IncludeTags
    }
}

$script:ExecutionMembers = @('TaskExecutionArn', 'Status', 'Options', 'Excludes', 'Includes', 'ManifestConfig', 'StartTime',
    'EstimatedFilesToTransfer', 'EstimatedBytesToTransfer', 'FilesTransferred', 'BytesWritten', 'BytesTransferred', 'BytesCompressed',
    'Result', 'TaskReportConfig', 'FilesDeleted', 'FilesSkipped', 'FilesVerified', 'ReportResult', 'EstimatedFilesToDelete', 'TaskMode',
    'FilesPrepared', 'FilesListed', 'FilesFailed', 'EstimatedFoldersToDelete', 'EstimatedFoldersToTransfer', 'FoldersSkipped',
    'FoldersPrepared', 'FoldersTransferred', 'FoldersVerified', 'FoldersDeleted', 'FoldersListed', 'FoldersFailed', 'LaunchTime', 'EndTime')

function Get-KnownMembers {
    <# The API members New-Expected* accounts for, per kind (Task, Agent, Execution). #>
    param([ValidateSet('Task', 'Agent', 'Execution')] [string] $Kind)
    switch ($Kind) { 'Task' { $script:TaskMembers } 'Agent' { $script:AgentMembers } 'Execution' { $script:ExecutionMembers } }
}

function Test-ScalarEqual {
    param($Actual, $Expected)
    if ($null -eq $Expected) { return $null -eq $Actual }
    if ($null -eq $Actual) { return $false }
    if ($Expected -is [DateTime]) {
        return ($Actual -is [DateTime]) -and $Actual.Kind -eq [DateTimeKind]::Utc -and [Math]::Abs($Actual.Ticks - $Expected.Ticks) -lt [TimeSpan]::TicksPerMillisecond
    }
    if ($Expected -is [TimeSpan]) { return ($Actual -is [TimeSpan]) -and $Actual -eq $Expected }
    if ($Expected -is [bool]) { return ($Actual -is [bool]) -and $Actual -eq $Expected }
    if ($Expected -is [string]) {
        if ($Actual -is [byte[]]) { return [Convert]::ToBase64String($Actual) -ceq $Expected }
        return ($Actual -is [string]) -and $Actual -ceq $Expected
    }
    if ($Expected -is [ValueType]) {
        $numeric = $Actual -is [int] -or $Actual -is [long] -or $Actual -is [double] -or $Actual -is [decimal]
        return $numeric -and [decimal]$Actual -eq [decimal]$Expected
    }
    $Actual -ceq $Expected
}

function Test-IsList { param($Value) ($Value -is [Collections.IEnumerable]) -and -not ($Value -is [string]) -and -not ($Value -is [byte[]]) -and -not ($Value -is [Collections.IDictionary]) }

function Compare-JsonShape {
    <#
    Compares a nested API shape of an object with the dataset JSON member by member (recursively): every JSON
    member must be on the object with the same value (times as UTC DateTime), and the object must carry no value
    the JSON lacks. Returns the differences as strings.
    #>
    param($Actual, $Json, [string] $Path)
    if ($null -eq $Json) {
        if ($null -eq $Actual) { return }
        if ((Test-IsList $Actual) -and @($Actual).Count -eq 0) { return }
        return "${Path}: expected nothing, got '$Actual'"
    }
    if ($Json -is [pscustomobject]) {
        if ($null -eq $Actual) { return "${Path}: expected an object, got nothing" }
        $names = @($Json.PSObject.Properties.Name)
        foreach ($p in $Json.PSObject.Properties) {
            $member = $Actual.PSObject.Properties[$p.Name]
            if (-not $member) { "${Path}.$($p.Name): the object has no such member"; continue }
            if ($p.Name -clike '*Time' -and $null -ne $p.Value -and -not ($p.Value -is [pscustomobject])) {
                $expected = ConvertFrom-DatasetTime $p.Value
                if (-not (Test-ScalarEqual $member.Value $expected)) { "${Path}.$($p.Name): expected $($expected.ToString('o')), got $(if ($member.Value -is [DateTime]) { $member.Value.ToString('o') } else { $member.Value })" }
                continue
            }
            Compare-JsonShape -Actual $member.Value -Json $p.Value -Path "$Path.$($p.Name)"
        }
        foreach ($member in $Actual.PSObject.Properties) {
            if ($names -contains $member.Name) { continue }
            $value = $member.Value
            if ($null -eq $value -or ((Test-IsList $value) -and @($value).Count -eq 0)) { continue }
            "${Path}.$($member.Name): not in the dataset, but the object has '$value'"
        }
        return
    }
    if ($Json -is [Array]) {
        if (-not (Test-IsList $Actual)) { return "${Path}: expected a list of $($Json.Count), got '$Actual'" }
        $items = @($Actual)
        if ($items.Count -ne $Json.Count) { return "${Path}: expected $($Json.Count) items, got $($items.Count)" }
        for ($i = 0; $i -lt $Json.Count; $i++) { Compare-JsonShape -Actual $items[$i] -Json $Json[$i] -Path "$Path[$i]" }
        return
    }
    if (-not (Test-ScalarEqual $Actual $Json)) { "${Path}: expected '$Json' ($($Json.GetType().Name)), got '$Actual' ($(if ($null -ne $Actual) { $Actual.GetType().Name }))" }
}

function Compare-InventoryObject {
    <#
    Compares every property of an inventory object with an expected table: the object's property names must be
    exactly the table's keys; flat values are compared by type and value (dates in UTC to the millisecond),
    lists item by item, @{ Json = node } entries with Compare-JsonShape, and @{ EmptySet = $true } as a non-null empty dictionary. Returns the differences as strings.
    #>
    param([Parameter(Mandatory)] $Object, [Parameter(Mandatory)] [Collections.IDictionary] $Expected, [string] $Label)
    $actualNames = @($Object.PSObject.Properties.Name | Sort-Object)
    $expectedNames = @($Expected.Keys | Sort-Object)
    $extra = @($actualNames | Where-Object { $_ -notin $expectedNames })
    $missing = @($expectedNames | Where-Object { $_ -notin $actualNames })
    if ($extra) { "${Label}: properties not checked by the test: $($extra -join ', ')" }
    if ($missing) { "${Label}: properties missing from the object: $($missing -join ', ')" }
    foreach ($key in $Expected.Keys) {
        if ($key -in $missing) { continue }
        $actual = $Object.$key
        $want = $Expected[$key]
        if ($want -is [hashtable] -and $want.ContainsKey('EmptySet')) {
            if (-not ($actual -is [Collections.IDictionary]) -or $actual.Count -ne 0) { "$Label.${key}: expected an empty set, got $(if ($null -eq $actual) { '<null>' } else { "'$actual' [$($actual.GetType().Name)]" })" }
            continue
        }
        if ($want -is [hashtable] -and $want.ContainsKey('Json')) {
            Compare-JsonShape -Actual $actual -Json $want.Json -Path "$Label.$key"
            continue
        }
        if ($want -is [Array]) {
            if (-not (Test-IsList $actual)) { "$Label.${key}: expected a list, got '$actual'"; continue }
            $items = @($actual)
            if ($items.Count -ne $want.Count) { "$Label.${key}: expected $($want.Count) items, got $($items.Count)"; continue }
            for ($i = 0; $i -lt $want.Count; $i++) {
                if (-not (Test-ScalarEqual $items[$i] $want[$i])) { "$Label.$key[$i]: expected '$($want[$i])', got '$($items[$i])'" }
            }
            continue
        }
        if (-not (Test-ScalarEqual $actual $want)) {
            $show = { param($v) if ($null -eq $v) { '<null>' } elseif ($v -is [DateTime]) { "$($v.ToString('o')) ($($v.Kind))" } else { $t = "$v"; if ($t.Length -gt 80) { $t = $t.Substring(0, 80) + '…' }; "$t [$($v.GetType().Name)]" } }
            "$Label.${key}: expected $(& $show $want), got $(& $show $actual)"
        }
    }
}

Export-ModuleMember -Function ConvertFrom-DatasetTime, Get-DatasetRegion, Get-Patterns, Split-LocationUri, New-ExpectedTask, New-ExpectedLocation,
    New-ExpectedAgent, New-ExpectedExecution, Get-KnownMembers, Compare-JsonShape, Compare-InventoryObject
