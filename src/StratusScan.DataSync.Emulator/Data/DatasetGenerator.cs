using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>
/// Builds a seeded, repeatable dataset. Enum members cycle over the resources so that a dataset of modest
/// size holds every value of every enum and every member of every Describe output, and the awkward values
/// the client must survive (256-character names, names starting with '=', unicode and commas, a
/// 40,000-character ErrorDetail and filter pattern, a formula-like ErrorDetail, byte counts over 2^32,
/// executions a few minutes either side of the 30-day retention edge, missing optional members).
/// </summary>
internal sealed class DatasetGenerator
{
    private static readonly string[] TaskStatuses = ["AVAILABLE", "RUNNING", "AVAILABLE", "UNAVAILABLE", "RUNNING", "QUEUED", "AVAILABLE", "CREATING"];
    private static readonly string[] InProgressStatuses = ["LAUNCHING", "PREPARING", "TRANSFERRING", "VERIFYING", "CANCELLING"];
    private static readonly string[] VerifyModes = ["POINT_IN_TIME_CONSISTENT", "ONLY_FILES_TRANSFERRED", "NONE"];
    private static readonly string[] OverwriteModes = ["ALWAYS", "NEVER"];
    private static readonly string[] Atimes = ["BEST_EFFORT", "NONE"];
    private static readonly string[] Mtimes = ["PRESERVE", "NONE"];
    private static readonly string[] IdModes = ["INT_VALUE", "NONE", "NAME", "BOTH"];
    private static readonly string[] PreserveDeleted = ["PRESERVE", "REMOVE"];
    private static readonly string[] NoneOrPreserve = ["NONE", "PRESERVE"];
    private static readonly string[] EnabledDisabled = ["ENABLED", "DISABLED"];
    private static readonly string[] LogLevels = ["TRANSFER", "OFF", "BASIC"];
    private static readonly string[] TransferModes = ["CHANGED", "ALL"];
    private static readonly string[] SecurityDescriptorFlags = ["OWNER_DACL", "NONE", "OWNER_DACL_SACL"];
    private static readonly string[] ObjectTagModes = ["PRESERVE", "NONE"];
    private static readonly string[] StorageClasses = ["STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_INSTANT_RETRIEVAL"];
    private static readonly string[] NfsVersions = ["AUTOMATIC", "NFS3", "NFS4_0", "NFS4_1"];
    private static readonly string[] SmbVersions = ["AUTOMATIC", "SMB2", "SMB3", "SMB1", "SMB2_0"];
    private static readonly string[] QopLevels = ["DISABLED", "AUTHENTICATION", "INTEGRITY", "PRIVACY"];
    private static readonly string[] AccessTiers = ["HOT", "COOL", "ARCHIVE"];
    private static readonly string[] EndpointTypes = ["PUBLIC", "PRIVATE_LINK", "FIPS", "FIPS_PRIVATE_LINK"];
    private static readonly string[] ReportOutputTypes = ["STANDARD", "SUMMARY_ONLY"];
    private static readonly string[] ReportLevels = ["ERRORS_ONLY", "SUCCESSES_AND_ERRORS"];
    private static readonly string[] ObjectVersionIdModes = ["INCLUDE", "NONE"];
    private static readonly string[] ScheduleExpressions = ["cron(0 2 * * ? *)", "rate(12 hours)", "cron(0 12 ? * SUN,WED *)", "rate(1 day)"];
    private static readonly string[] ErrorCodes = ["TransferFailure", "VerificationFailure", "OpNotPermitted", "ConnectionTimeout", "InvalidArgument"];
    private static readonly string[] NameWords = ["nightly", "finance", "media archive", "hr.records", "logs:app", "backup/primary", "dr-replica", "research_data", "user@home", "ops+infra"];

    private readonly DatasetSpec _spec;
    private readonly Random _rng;
    private readonly DateTimeOffset _now;
    private int _taskCount;
    private int _executionCount;
    private int _errorCount;
    private int _inProgressCount;
    private int _agentCount;
    private int _nameCount;
    private int _secretCount;
    private readonly Dictionary<string, int> _locationCount = new(StringComparer.Ordinal);
    private bool _longFilterWritten;

    public DatasetGenerator(DatasetSpec spec, int defaultSeed = 1)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        _spec = spec;
        _rng = new Random(spec.Seed ?? defaultSeed);
        _now = DateTimeOffset.FromUnixTimeMilliseconds(spec.Now.ToUnixTimeMilliseconds());
    }

    public EmulatorDataset Generate()
    {
        var dataset = new EmulatorDataset();
        string[] accountIds = Enumerable.Range(0, _spec.Accounts).Select(AccountId).ToArray();
        foreach (string accountId in accountIds)
        {
            AccountData account = dataset.GetOrAddAccount(accountId);
            AddRoles(account, accountIds[0]);
            foreach (string region in _spec.DistinctRegions())
            {
                GenerateRegion(account.GetOrAddRegion(region));
            }
        }

        return dataset;
    }

    internal static string AccountId(int index) => index switch
    {
        0 => EmulatorCredentials.DefaultAccountId,
        1 => "444455556666",
        2 => "777788889999",
        _ => (210000000000L + (index * 1234567L)).ToString("D12", CultureInfo.InvariantCulture),
    };

    private void AddRoles(AccountData account, string managementAccount)
    {
        var readOnly = new EmulatorRole("StratusScanReadOnly") { RoleId = "AROA" + Upper(17) };
        readOnly.TrustedAccounts.Add(managementAccount);
        account.Roles.Add(readOnly);

        var external = new EmulatorRole("StratusScanExternal") { RoleId = "AROA" + Upper(17), ExternalId = "stratusscan-external-id", MaxSessionDurationSeconds = 43200 };
        external.TrustedAccounts.Add(managementAccount);
        account.Roles.Add(external);

        var closed = new EmulatorRole("NoOneMayAssume") { RoleId = "AROA" + Upper(17) };
        closed.TrustedAccounts.Add("999999999999");
        account.Roles.Add(closed);
    }

    private void GenerateRegion(RegionData region)
    {
        List<string> agents = [];
        for (int i = 0; i < _spec.AgentsPerRegion; i++)
        {
            JsonObject agent = Agent(region);
            region.Agents.Add(agent);
            agents.Add(agent["AgentArn"]!.GetValue<string>());
        }

        List<JsonObject> locations = [];
        for (int i = 0; i < _spec.LocationsPerTypePerRegion; i++)
        {
            foreach (string kind in LocationTypes.All)
            {
                JsonObject location = Location(region, kind, agents);
                region.Locations.Add(location);
                locations.Add(location);
            }
        }

        if (locations.Count >= 2)
        {
            for (int i = 0; i < _spec.TasksPerRegion; i++)
            {
                GenerateTask(region, locations, i);
            }
        }

        foreach (JsonObject resource in region.Agents.Concat(region.Locations).Concat(region.Tasks))
        {
            string arn = (resource["TaskArn"] ?? resource["LocationArn"] ?? resource["AgentArn"])!.GetValue<string>();
            region.SetTags(arn, Tags(resource["Name"]?.GetValue<string>()));
        }
    }

    // ---------------------------------------------------------------- agents

    private JsonObject Agent(RegionData region)
    {
        int g = _agentCount++;
        string status = g % 3 == 1 ? "OFFLINE" : "ONLINE";
        string endpoint = EndpointTypes[g % EndpointTypes.Length];
        var agent = new JsonObject { ["AgentArn"] = Arn(region, $"agent/agent-{Hex(17)}") };
        if (Name("agent") is { } name) agent["Name"] = name;
        agent["Status"] = status;
        if (g % 9 != 8)
        {
            agent["LastConnectionTime"] = Time(status == "ONLINE" ? _now.AddSeconds(-_rng.Next(5, 300)) : _now.AddHours(-_rng.Next(2, 24 * 40)));
        }

        agent["CreationTime"] = Time(_now.AddDays(-_rng.Next(60, 900)).AddMilliseconds(_rng.Next(1000)));
        agent["EndpointType"] = endpoint;
        if (endpoint.EndsWith("PRIVATE_LINK", StringComparison.Ordinal))
        {
            agent["PrivateLinkConfig"] = new JsonObject
            {
                ["VpcEndpointId"] = "vpce-" + Hex(17),
                ["PrivateLinkEndpoint"] = $"10.{_rng.Next(0, 256)}.{_rng.Next(0, 256)}.{_rng.Next(1, 255)}",
                ["SubnetArns"] = new JsonArray(Ec2(region, "subnet/subnet-")),
                ["SecurityGroupArns"] = new JsonArray(Ec2(region, "security-group/sg-")),
            };
        }

        if (g % 11 != 10)
        {
            agent["Platform"] = new JsonObject { ["Version"] = g % 2 == 0 ? "2" : "1.52" };
        }

        return agent;
    }

    // ---------------------------------------------------------------- locations

    private JsonObject Location(RegionData region, string kind, IReadOnlyList<string> agents)
    {
        int c = _locationCount.TryGetValue(kind, out int n) ? n : 0;
        _locationCount[kind] = c + 1;
        string r = region.Region;
        string subdir = c % 3 == 0 ? "" : c % 3 == 1 ? "exports/2024/" : "projects/alpha.beta/";
        var location = new JsonObject { ["LocationArn"] = Arn(region, $"location/loc-{Hex(17)}") };
        switch (kind)
        {
            case LocationTypes.S3:
            {
                string bucket = $"stratusscan-{r}-data-{c}";
                string storageClass = StorageClasses[c % StorageClasses.Length];
                location["LocationUri"] = $"s3://{bucket}/{subdir}";
                location["S3StorageClass"] = storageClass;
                location["S3Config"] = new JsonObject { ["BucketAccessRoleArn"] = Role(region, $"DataSyncS3Access-{c}") };
                if (storageClass == "OUTPOSTS" && agents.Count > 0) location["AgentArns"] = Agents(agents, 1);
                break;
            }

            case LocationTypes.Efs:
                location["LocationUri"] = $"efs://{r}.fs-{Hex(8)}/{subdir}";
                location["Ec2Config"] = new JsonObject
                {
                    ["SubnetArn"] = Ec2(region, "subnet/subnet-"),
                    ["SecurityGroupArns"] = new JsonArray(Enumerable.Range(0, 1 + (c % 2)).Select(_ => (JsonNode?)Ec2(region, "security-group/sg-")).ToArray()),
                };
                if (c % 2 == 0) location["AccessPointArn"] = $"arn:{region.Partition}:elasticfilesystem:{r}:{region.AccountId}:access-point/fsap-{Hex(17)}";
                if (c % 3 != 2) location["FileSystemAccessRoleArn"] = Role(region, "DataSyncEfsAccess");
                location["InTransitEncryption"] = c % 2 == 0 ? "TLS1_2" : "NONE";
                break;
            case LocationTypes.FsxWindows:
                location["LocationUri"] = $"fsxw://{r}.fs-{Hex(17)}/share/{subdir}";
                location["SecurityGroupArns"] = new JsonArray(Ec2(region, "security-group/sg-"));
                location["User"] = c % 2 == 0 ? "svc-datasync" : "Administrator";
                location["Domain"] = "corp.example.com";
                AddSecretConfig(location, region);
                break;
            case LocationTypes.FsxLustre:
                location["LocationUri"] = $"fsxl://{r}.fs-{Hex(17)}/{subdir}";
                location["SecurityGroupArns"] = new JsonArray(Ec2(region, "security-group/sg-"));
                break;
            case LocationTypes.FsxOpenZfs:
                location["LocationUri"] = $"fsxz://{r}.fs-{Hex(17)}/fsx/vol{c}/{subdir}";
                location["SecurityGroupArns"] = new JsonArray(Ec2(region, "security-group/sg-"));
                location["Protocol"] = new JsonObject { ["NFS"] = NfsProtocol(c) };
                break;
            case LocationTypes.FsxOntap:
            {
                string fs = "fs-" + Hex(17);
                string svm = "svm-" + Hex(17);
                bool smb = c % 2 == 1;
                location["LocationUri"] = $"{(smb ? "fsxn-smb" : "fsxn-nfs")}://{r}.{fs}.{svm}/vol{c}/{subdir}";
                location["SecurityGroupArns"] = new JsonArray(Ec2(region, "security-group/sg-"));
                var protocol = new JsonObject();
                if (smb)
                {
                    var smbProtocol = new JsonObject
                    {
                        ["Domain"] = "corp.example.com",
                        ["MountOptions"] = new JsonObject { ["Version"] = SmbVersions[(c / 2) % SmbVersions.Length] },
                        ["User"] = "svc-ontap",
                    };
                    AddSecretConfig(smbProtocol, region);
                    protocol["SMB"] = smbProtocol;
                }
                else
                {
                    protocol["NFS"] = NfsProtocol(c / 2);
                }

                location["Protocol"] = protocol;
                location["StorageVirtualMachineArn"] = $"arn:{region.Partition}:fsx:{r}:{region.AccountId}:storage-virtual-machine/{fs}/{svm}";
                location["FsxFilesystemArn"] = $"arn:{region.Partition}:fsx:{r}:{region.AccountId}:file-system/{fs}";
                break;
            }

            case LocationTypes.Nfs:
            {
                string host = c % 2 == 0 ? $"nfs{c:D2}.corp.example.com" : $"10.20.{c % 250}.5";
                location["LocationUri"] = $"nfs://{host}/exports/{subdir}";
                if (agents.Count > 0) location["OnPremConfig"] = new JsonObject { ["AgentArns"] = Agents(agents, 1 + (c % 2)) };
                if (c % 5 != 4) location["MountOptions"] = NfsProtocol(c)["MountOptions"]!.DeepClone();
                break;
            }

            case LocationTypes.Smb:
            {
                string host = c % 2 == 0 ? $"fileserver{c}.corp.example.com" : $"192.168.{c % 250}.20";
                location["LocationUri"] = $"smb://{host}/share{c}/{subdir}";
                if (agents.Count > 0) location["AgentArns"] = Agents(agents, 1 + (c % 2));
                bool kerberos = c % 2 == 1;
                if (kerberos)
                {
                    location["KerberosPrincipal"] = $"HOST/fileserver{c}.corp.example.com@CORP.EXAMPLE.COM";
                    location["DnsIpAddresses"] = c % 4 == 1 ? new JsonArray("10.0.0.2", "10.0.0.3") : new JsonArray("fd00:ec2:0:0:0:0:0:53");
                    location["AuthenticationType"] = "KERBEROS";
                }
                else
                {
                    location["User"] = "svc-datasync";
                    location["Domain"] = "CORP";
                    location["AuthenticationType"] = "NTLM";
                    AddSecretConfig(location, region);
                }

                location["MountOptions"] = new JsonObject { ["Version"] = SmbVersions[c % SmbVersions.Length] };
                break;
            }

            case LocationTypes.Hdfs:
            {
                string nameNode = $"namenode{c}.hadoop.example.com";
                location["LocationUri"] = $"hdfs://{nameNode}:8020/{subdir}";
                var nameNodes = new JsonArray(new JsonObject { ["Hostname"] = nameNode, ["Port"] = 8020 });
                if (c % 2 == 1) nameNodes.Add(new JsonObject { ["Hostname"] = $"namenode{c}b.hadoop.example.com", ["Port"] = 8020 });
                location["NameNodes"] = nameNodes;
                location["BlockSize"] = c % 2 == 0 ? 134217728 : 268435456;
                location["ReplicationFactor"] = 3;
                if (c % 2 == 0) location["KmsKeyProviderUri"] = $"kms://http@kms{c}.hadoop.example.com:9600/kms";
                location["QopConfiguration"] = new JsonObject
                {
                    ["RpcProtection"] = QopLevels[c % QopLevels.Length],
                    ["DataTransferProtection"] = QopLevels[(c + 1) % QopLevels.Length],
                };
                if (c % 2 == 0)
                {
                    location["AuthenticationType"] = "SIMPLE";
                    location["SimpleUser"] = "hdfs";
                }
                else
                {
                    location["AuthenticationType"] = "KERBEROS";
                    location["KerberosPrincipal"] = "hdfs/namenode.hadoop.example.com@HADOOP.EXAMPLE.COM";
                    AddSecretConfig(location, region);
                }

                if (agents.Count > 0) location["AgentArns"] = Agents(agents, 1);
                break;
            }

            case LocationTypes.ObjectStorage:
            {
                string host = c % 2 == 0 ? $"objects{c}.storage.example.com" : $"172.16.{c % 250}.9";
                bool https = c % 3 != 1;
                location["LocationUri"] = $"object-storage://{host}/bucket-{c}/{subdir}";
                if (c % 3 != 2) location["AccessKey"] = c % 6 == 3 ? "" : "EXAMPLEACCESSKEY" + c.ToString(CultureInfo.InvariantCulture);
                location["ServerPort"] = https ? 443 : 9000;
                location["ServerProtocol"] = https ? "HTTPS" : "HTTP";
                if (agents.Count > 0 && c % 4 != 3) location["AgentArns"] = Agents(agents, 1);
                if (https && c % 2 == 0)
                {
                    location["ServerCertificate"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(
                        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUEmulatorTestCertificateOnly\n-----END CERTIFICATE-----\n"));
                }

                AddSecretConfig(location, region);
                break;
            }

            case LocationTypes.AzureBlob:
                location["LocationUri"] = $"azure-blob://stratusscan{c}.blob.core.windows.net/container-{c}/{subdir}";
                location["AuthenticationType"] = c % 3 == 2 ? "NONE" : "SAS";
                location["BlobType"] = "BLOCK";
                location["AccessTier"] = AccessTiers[c % AccessTiers.Length];
                if (agents.Count > 0 && c % 4 != 3) location["AgentArns"] = Agents(agents, 1);
                if (c % 3 != 2) AddSecretConfig(location, region);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown location kind.");
        }

        location["CreationTime"] = Time(_now.AddDays(-_rng.Next(31, 1000)).AddMilliseconds(_rng.Next(1000)));
        return location;
    }

    private static JsonObject NfsProtocol(int c) =>
        new() { ["MountOptions"] = new JsonObject { ["Version"] = NfsVersions[c % NfsVersions.Length] } };

    /// <summary>One of the three secret configurations in turn, or none.</summary>
    private void AddSecretConfig(JsonObject target, RegionData region)
    {
        string secret = $"arn:{region.Partition}:secretsmanager:{region.Region}:{region.AccountId}:secret:datasync-{Hex(8)}-{Upper(6)}";
        switch (_secretCount++ % 4)
        {
            case 0:
                target["ManagedSecretConfig"] = new JsonObject { ["SecretArn"] = secret };
                break;
            case 1:
                target["CmkSecretConfig"] = new JsonObject
                {
                    ["SecretArn"] = secret,
                    ["KmsKeyArn"] = $"arn:{region.Partition}:kms:{region.Region}:{region.AccountId}:key/{Guid()}",
                };
                break;
            case 2:
                target["CustomSecretConfig"] = new JsonObject { ["SecretArn"] = secret, ["SecretAccessRoleArn"] = Role(region, "DataSyncSecretAccess") };
                break;
        }
    }

    // ---------------------------------------------------------------- tasks

    private void GenerateTask(RegionData region, IReadOnlyList<JsonObject> locations, int indexInRegion)
    {
        int g = _taskCount++;
        string status = TaskStatuses[g % TaskStatuses.Length];
        string mode = g % 3 == 2 ? "ENHANCED" : "BASIC";
        string taskArn = Arn(region, $"task/task-{Hex(17)}");
        int source = (g * 3) % locations.Count;
        int destination = (source + 1 + (g % Math.Max(1, locations.Count - 1))) % locations.Count;
        if (destination == source) destination = (source + 1) % locations.Count;

        var task = new JsonObject { ["TaskArn"] = taskArn, ["Status"] = status };
        if (Name("task") is { } name) task["Name"] = name;
        task["SourceLocationArn"] = locations[source]["LocationArn"]!.GetValue<string>();
        task["DestinationLocationArn"] = locations[destination]["LocationArn"]!.GetValue<string>();
        if (g % 4 != 3) task["CloudWatchLogGroupArn"] = $"arn:{region.Partition}:logs:{region.Region}:{region.AccountId}:log-group:/aws/datasync{(g % 2 == 0 ? ":*" : "")}";
        if (g % 3 == 0)
        {
            task["SourceNetworkInterfaceArns"] = new JsonArray(Eni(region), Eni(region));
            task["DestinationNetworkInterfaceArns"] = new JsonArray(Eni(region));
        }
        else if (g % 3 == 1)
        {
            task["SourceNetworkInterfaceArns"] = new JsonArray();
            task["DestinationNetworkInterfaceArns"] = new JsonArray();
        }

        task["Options"] = Options(g);
        if (g % 3 == 0) task["Excludes"] = new JsonArray(Filter(LongFilterDue() ? LongPatternList() : "/tmp|*.bak|/cache/*|*.swp"));
        if (g % 4 == 1) task["Includes"] = new JsonArray(Filter("/projects/alpha|/projects/beta*|/données/été"));
        else if (g % 4 == 3) task["Includes"] = new JsonArray();

        if (g % 3 != 2)
        {
            string scheduleStatus = g % 4 == 1 ? "DISABLED" : "ENABLED";
            var schedule = new JsonObject { ["ScheduleExpression"] = ScheduleExpressions[g % ScheduleExpressions.Length] };
            if (g % 5 != 4) schedule["Status"] = scheduleStatus;
            task["Schedule"] = schedule;
            var details = new JsonObject { ["StatusUpdateTime"] = Time(_now.AddDays(-_rng.Next(1, 60))) };
            if (scheduleStatus == "DISABLED")
            {
                bool byService = g % 8 == 1;
                details["DisabledReason"] = byService
                    ? "Schedule disabled after 3 consecutive failed executions: check the source location, then re-enable."
                    : "Paused by the storage team (change window 42).";
                details["DisabledBy"] = byService ? "SERVICE" : "USER";
            }

            task["ScheduleDetails"] = details;
        }

        if (status == "UNAVAILABLE")
        {
            task["ErrorCode"] = "AgentNotAvailable";
            task["ErrorDetail"] = "The agent is OFFLINE, the task can't run; check the agent's network, DNS, and time (« réseau », 网络).";
        }

        task["CreationTime"] = Time(_now.AddDays(-_rng.Next(30, 720)).AddMilliseconds(_rng.Next(1000)));
        if (g % 5 == 2) task["ManifestConfig"] = Manifest(region, g);
        if (g % 4 == 0) task["TaskReportConfig"] = Report(region, g);
        task["TaskMode"] = mode;

        region.Tasks.Add(task);
        if (status != "CREATING")
        {
            GenerateExecutions(region, task, indexInRegion);
        }
    }

    private JsonObject Options(int g)
    {
        var options = new JsonObject
        {
            ["VerifyMode"] = VerifyModes[g % VerifyModes.Length],
            ["OverwriteMode"] = OverwriteModes[g % OverwriteModes.Length],
            ["Atime"] = Atimes[g % Atimes.Length],
            ["Mtime"] = Mtimes[g % Mtimes.Length],
            ["Uid"] = IdModes[g % IdModes.Length],
            ["Gid"] = IdModes[(g + 1) % IdModes.Length],
            ["PreserveDeletedFiles"] = PreserveDeleted[g % PreserveDeleted.Length],
            ["PreserveDevices"] = NoneOrPreserve[g % NoneOrPreserve.Length],
            ["PosixPermissions"] = NoneOrPreserve[(g + 1) % NoneOrPreserve.Length],
            ["BytesPerSecond"] = (g % 3) switch { 0 => -1L, 1 => 104857600L, _ => 10_000_000_000L },
            ["TaskQueueing"] = EnabledDisabled[g % EnabledDisabled.Length],
            ["LogLevel"] = LogLevels[g % LogLevels.Length],
            ["TransferMode"] = TransferModes[g % TransferModes.Length],
            ["SecurityDescriptorCopyFlags"] = SecurityDescriptorFlags[g % SecurityDescriptorFlags.Length],
            ["ObjectTags"] = ObjectTagModes[g % ObjectTagModes.Length],
        };
        if (g % 6 == 5)
        {
            options.Remove("SecurityDescriptorCopyFlags");
            options.Remove("ObjectTags");
        }

        return options;
    }

    private static JsonObject Filter(string patterns) => new() { ["FilterType"] = "SIMPLE_PATTERN", ["Value"] = patterns };

    private bool LongFilterDue()
    {
        if (_longFilterWritten) return false;
        _longFilterWritten = true;
        return true;
    }

    /// <summary>A 40,000-character, '|'-separated pattern list with unicode and commas.</summary>
    private static string LongPatternList()
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < 40_000; i++)
        {
            if (text.Length > 0) text.Append('|');
            text.Append(CultureInfo.InvariantCulture, $"/archive/été,{i}/日本語_{i}/*.tmp");
        }

        return text.ToString(0, 39_999) + "x";
    }

    private JsonObject Manifest(RegionData region, int g)
    {
        var s3 = new JsonObject
        {
            ["ManifestObjectPath"] = "manifests/transfer list (weekly).csv",
            ["BucketAccessRoleArn"] = Role(region, "DataSyncManifestAccess"),
            ["S3BucketArn"] = $"arn:{region.Partition}:s3:::stratusscan-manifests-{region.Region}",
        };
        if (g % 2 == 0) s3["ManifestObjectVersionId"] = "3sL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo";
        return new JsonObject
        {
            ["Action"] = "TRANSFER",
            ["Format"] = "CSV",
            ["Source"] = new JsonObject { ["S3"] = s3 },
        };
    }

    private JsonObject Report(RegionData region, int g)
    {
        var config = new JsonObject
        {
            ["Destination"] = new JsonObject
            {
                ["S3"] = new JsonObject
                {
                    ["Subdirectory"] = "reports/datasync/",
                    ["S3BucketArn"] = $"arn:{region.Partition}:s3:::stratusscan-reports-{region.Region}",
                    ["BucketAccessRoleArn"] = Role(region, "DataSyncReportAccess"),
                },
            },
            ["OutputType"] = ReportOutputTypes[(g / 4) % ReportOutputTypes.Length],
            ["ReportLevel"] = ReportLevels[(g / 4) % ReportLevels.Length],
            ["ObjectVersionIds"] = ObjectVersionIdModes[(g / 8) % ObjectVersionIdModes.Length],
        };
        if ((g / 4) % 2 == 0)
        {
            int flip = (g / 8) % 2;
            config["Overrides"] = new JsonObject
            {
                ["Transferred"] = new JsonObject { ["ReportLevel"] = ReportLevels[flip] },
                ["Verified"] = new JsonObject { ["ReportLevel"] = ReportLevels[1 - flip] },
                ["Deleted"] = new JsonObject { ["ReportLevel"] = ReportLevels[flip] },
                ["Skipped"] = new JsonObject { ["ReportLevel"] = ReportLevels[1 - flip] },
            };
        }

        return config;
    }

    // ---------------------------------------------------------------- executions

    private void GenerateExecutions(RegionData region, JsonObject task, int indexInRegion)
    {
        int count = _spec.ExecutionsPerTask;
        string taskArn = task["TaskArn"]!.GetValue<string>();
        string taskStatus = task["Status"]!.GetValue<string>();
        string? current = null;
        for (int j = 0; j < count; j++)
        {
            bool latest = j == count - 1;
            DateTimeOffset start;
            if (indexInRegion == 0 && count >= 3 && j < 2)
            {
                // Either side of the 30-day retention edge, by a few minutes.
                start = _now.AddDays(-30).AddMinutes(j == 0 ? -3 : 3);
            }
            else
            {
                double ageDays = _spec.DaysOfHistory * (count - j - 0.5) / count;
                start = _now.AddDays(-ageDays).AddMinutes(_rng.Next(-90, 90));
                if (start > _now.AddMinutes(-1)) start = _now.AddMinutes(-1 - _rng.Next(30));
            }

            string status;
            if (latest && taskStatus == "RUNNING")
            {
                status = InProgressStatuses[_inProgressCount++ % InProgressStatuses.Length];
                start = _now.AddMinutes(-_rng.Next(2, 90));
            }
            else if (latest && taskStatus == "QUEUED")
            {
                status = "QUEUED";
                start = _now.AddMinutes(-_rng.Next(1, 20));
            }
            else
            {
                status = _executionCount % 4 == 2 ? "ERROR" : "SUCCESS";
            }

            JsonObject execution = Execution(taskArn, task, status, start);
            region.Executions.Add(execution);
            if (status is not ("SUCCESS" or "ERROR")) current = execution["TaskExecutionArn"]!.GetValue<string>();
        }

        if (current is not null)
        {
            // Keep the member order of DescribeTask: CurrentTaskExecutionArn follows Name.
            var ordered = new JsonObject();
            foreach (KeyValuePair<string, JsonNode?> member in task.ToList())
            {
                task.Remove(member.Key);
                ordered[member.Key] = member.Value;
                if (member.Key == "Status") ordered["CurrentTaskExecutionArn"] = current;
            }

            foreach (KeyValuePair<string, JsonNode?> member in ordered.ToList())
            {
                ordered.Remove(member.Key);
                task[member.Key] = member.Value;
            }
        }
    }

    private JsonObject Execution(string taskArn, JsonObject task, string status, DateTimeOffset start)
    {
        int e = _executionCount++;
        string mode = task["TaskMode"]!.GetValue<string>();
        bool enhanced = mode == "ENHANCED";
        bool terminal = status is "SUCCESS" or "ERROR";
        bool huge = e % 13 == 7;
        var options = (JsonObject)task["Options"]!.DeepClone();
        if (e % 7 == 3) options["VerifyMode"] = "NONE";
        bool verify = options["VerifyMode"]?.GetValue<string>() != "NONE";

        long estimatedFiles = huge ? 250_000_000L : _rng.NextInt64(0, 2_000_000);
        long estimatedBytes = huge ? 5_497_558_138_880L + _rng.NextInt64(0, 1L << 32) : _rng.NextInt64(0, 50_000_000_000);
        double done = status switch
        {
            "SUCCESS" => 1.0,
            "ERROR" => _rng.NextDouble() * 0.9,
            "QUEUED" or "LAUNCHING" or "PREPARING" => 0.0,
            _ => _rng.NextDouble(),
        };
        long filesTransferred = (long)(estimatedFiles * done);
        long bytesTransferred = (long)(estimatedBytes * done);
        long filesFailed = status == "ERROR" ? 1 + _rng.Next(0, 50) : 0;

        long prepareMs = _rng.NextInt64(2_000, 600_000);
        long transferMs = _rng.NextInt64(10_000, huge ? 30_000_000 : 18_000_000);
        long verifyMs = verify ? _rng.NextInt64(1_000, 3_600_000) : 0;
        int phase = status switch
        {
            "QUEUED" or "LAUNCHING" => 0,
            "PREPARING" => 1,
            "TRANSFERRING" or "CANCELLING" => 2,
            "VERIFYING" => 3,
            "ERROR" => 1 + (e % 3),
            _ => 4,
        };

        var result = new JsonObject
        {
            ["PrepareDuration"] = phase > 1 ? prepareMs : 0L,
            ["PrepareStatus"] = PhaseStatus(1, phase, status),
            ["TotalDuration"] = 0L,
            ["TransferDuration"] = phase > 2 ? transferMs : 0L,
            ["TransferStatus"] = PhaseStatus(2, phase, status),
            ["VerifyDuration"] = phase > 3 ? verifyMs : 0L,
            ["VerifyStatus"] = PhaseStatus(3, phase, status),
        };
        if (status == "ERROR")
        {
            result["PrepareDuration"] = phase >= 1 ? prepareMs : 0L;
            result["TransferDuration"] = phase >= 2 ? transferMs : 0L;
            result["VerifyDuration"] = phase >= 3 ? verifyMs : 0L;
            result["ErrorCode"] = ErrorCodes[_errorCount % ErrorCodes.Length];
            result["ErrorDetail"] = ErrorDetail(_errorCount++);
        }

        long total = result["PrepareDuration"]!.GetValue<long>() + result["TransferDuration"]!.GetValue<long>()
            + result["VerifyDuration"]!.GetValue<long>() + _rng.Next(0, 5_000);
        DateTimeOffset launch = start.AddMilliseconds(_rng.Next(500, 90_000));
        if (!terminal)
        {
            total = status == "QUEUED" ? 0 : (long)Math.Max(0, (_now - launch).TotalMilliseconds);
        }

        result["TotalDuration"] = total;

        var execution = new JsonObject
        {
            ["TaskExecutionArn"] = $"{taskArn}/execution/exec-{Hex(17)}",
            ["Status"] = status,
            ["Options"] = options,
        };
        if (task["Excludes"] is JsonArray excludes) execution["Excludes"] = excludes.DeepClone();
        if (task["Includes"] is JsonArray includes) execution["Includes"] = includes.DeepClone();
        if (task["ManifestConfig"] is JsonObject manifest) execution["ManifestConfig"] = manifest.DeepClone();
        execution["StartTime"] = Time(start);
        execution["EstimatedFilesToTransfer"] = estimatedFiles;
        execution["EstimatedBytesToTransfer"] = estimatedBytes;
        execution["FilesTransferred"] = filesTransferred;
        execution["BytesWritten"] = bytesTransferred;
        execution["BytesTransferred"] = bytesTransferred;
        execution["BytesCompressed"] = e % 5 == 1 ? bytesTransferred / 3 : bytesTransferred;
        execution["Result"] = result;
        if (task["TaskReportConfig"] is JsonObject report)
        {
            execution["TaskReportConfig"] = report.DeepClone();
            if (terminal)
            {
                var reportResult = new JsonObject { ["Status"] = e % 6 == 1 ? "ERROR" : "SUCCESS" };
                if (e % 6 == 1)
                {
                    reportResult["ErrorCode"] = "AccessDenied";
                    reportResult["ErrorDetail"] = "DataSync couldn't write the task report to the S3 bucket: access denied.";
                }

                execution["ReportResult"] = reportResult;
            }
            else
            {
                execution["ReportResult"] = new JsonObject { ["Status"] = "PENDING" };
            }
        }

        bool deletes = options["PreserveDeletedFiles"]?.GetValue<string>() == "REMOVE";
        long listed = estimatedFiles + _rng.Next(0, 1000);
        execution["FilesDeleted"] = deletes && terminal ? _rng.Next(0, 500) : 0L;
        execution["FilesSkipped"] = _rng.Next(0, 2000);
        execution["FilesVerified"] = verify && phase > 3 ? filesTransferred : 0L;
        execution["EstimatedFilesToDelete"] = deletes ? _rng.Next(0, 500) : 0L;
        execution["TaskMode"] = mode;
        execution["FilesPrepared"] = phase > 1 ? estimatedFiles : 0L;
        execution["FilesListed"] = new JsonObject { ["AtSource"] = listed, ["AtDestinationForDelete"] = deletes ? listed / 10 : 0L };
        if (enhanced)
        {
            execution["FilesFailed"] = new JsonObject
            {
                ["Prepare"] = phase == 1 ? filesFailed : 0L,
                ["Transfer"] = phase == 2 ? filesFailed : 0L,
                ["Verify"] = phase == 3 ? filesFailed : 0L,
                ["Delete"] = status == "ERROR" && deletes ? 2L : 0L,
            };
            long folders = estimatedFiles / 50;
            execution["EstimatedFoldersToDelete"] = deletes ? folders / 20 : 0L;
            execution["EstimatedFoldersToTransfer"] = folders;
            execution["FoldersSkipped"] = folders / 100;
            execution["FoldersPrepared"] = phase > 1 ? folders : 0L;
            execution["FoldersTransferred"] = (long)(folders * done);
            execution["FoldersVerified"] = verify && phase > 3 ? folders : 0L;
            execution["FoldersDeleted"] = deletes && terminal ? folders / 40 : 0L;
            execution["FoldersListed"] = new JsonObject { ["AtSource"] = folders, ["AtDestinationForDelete"] = deletes ? folders / 10 : 0L };
            execution["FoldersFailed"] = new JsonObject
            {
                ["List"] = status == "ERROR" && e % 2 == 0 ? 1L : 0L,
                ["Prepare"] = phase == 1 && status == "ERROR" ? 1L : 0L,
                ["Transfer"] = phase == 2 && status == "ERROR" ? 2L : 0L,
                ["Verify"] = phase == 3 && status == "ERROR" ? 1L : 0L,
                ["Delete"] = 0L,
            };
        }

        if (status != "QUEUED") execution["LaunchTime"] = Time(launch);
        if (terminal) execution["EndTime"] = Time(launch.AddMilliseconds(total));
        return execution;
    }

    private static string PhaseStatus(int phaseIndex, int reached, string status)
    {
        if (status == "ERROR")
        {
            return phaseIndex < reached ? "SUCCESS" : phaseIndex == reached ? "ERROR" : "PENDING";
        }

        return phaseIndex < reached ? "SUCCESS" : "PENDING";
    }

    private static string ErrorDetail(int n) => (n % 5) switch
    {
        0 => "Transfer and verification completed with errors: 3 files failed, see the CloudWatch log group for details.",
        1 => "Échec du transfert: « rapport, été.xlsx » — 文件被锁定, Datei gesperrt; retry later.",
        2 => "=HYPERLINK(\"http://example.invalid\",\"x\")",
        3 => LongErrorDetail(),
        _ => "Line one of the error\nline two, with \"quotes\", tabs\tand a trailing comma,",
    };

    private static string LongErrorDetail()
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < 40_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"File /données/été/{i}.csv, failed: permission denied (拒绝访问). ");
        }

        return text.ToString(0, 40_000);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Names are tag values: at most 256 of [a-zA-Z0-9\s+=._:@/-]. Some awkward, some missing.</summary>
    private string? Name(string kind)
    {
        int n = _nameCount++;
        switch (n % 9)
        {
            case 0:
                var name = new StringBuilder($"{kind}-longest-name");
                while (name.Length < 256) name.Append("-x0123456789");
                return name.ToString(0, 256);
            case 4:
                return $"=1+2 {kind} {n}";
            case 6:
                return null;
            case 7:
                return $"@SUM {kind}.{n}";
            default:
                return $"{NameWords[n % NameWords.Length]} {kind} {n:D3}";
        }
    }

    private JsonArray Tags(string? name)
    {
        var tags = new JsonArray();
        int count = _rng.Next(0, 4);
        if (count > 0)
        {
            // A Name tag that deliberately differs from the API's Name, so a client reading names from tags is caught.
            tags.Add(new JsonObject { ["Key"] = "Name", ["Value"] = "tag-" + (name is null ? "unnamed" : name.Length > 200 ? name[..200] : name) });
        }

        if (count > 1) tags.Add(new JsonObject { ["Key"] = "Environment", ["Value"] = _rng.Next(2) == 0 ? "prod" : "dev" });
        if (count > 2) tags.Add(new JsonObject { ["Key"] = "cost-center:id", ["Value"] = "cc-" + _rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) });
        if (_rng.Next(10) == 0)
        {
            for (int i = 0; i < 12; i++)
            {
                tags.Add(new JsonObject { ["Key"] = $"team/{i:D2}", ["Value"] = $"owner{i}@example.com" });
            }
        }

        return tags;
    }

    private JsonArray Agents(IReadOnlyList<string> agents, int count)
    {
        int first = _rng.Next(agents.Count);
        return new JsonArray(Enumerable.Range(0, Math.Min(count, agents.Count))
            .Select(i => (JsonNode?)JsonValue.Create(agents[(first + i) % agents.Count])).ToArray());
    }

    private static string Arn(RegionData region, string resource) =>
        $"arn:{region.Partition}:datasync:{region.Region}:{region.AccountId}:{resource}";

    private static string Role(RegionData region, string name) => $"arn:{region.Partition}:iam::{region.AccountId}:role/{name}";

    private string Ec2(RegionData region, string resourcePrefix) =>
        $"arn:{region.Partition}:ec2:{region.Region}:{region.AccountId}:{resourcePrefix}{Hex(17)}";

    private string Eni(RegionData region) => Ec2(region, "network-interface/eni-");

    private JsonNode Time(DateTimeOffset time) => EpochTime.ToJson(time);

    private string Hex(int length)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = digits[_rng.Next(16)];
        return new string(chars);
    }

    private string Upper(int length)
    {
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = digits[_rng.Next(digits.Length)];
        return new string(chars);
    }

    private string Guid() => $"{Hex(8)}-{Hex(4)}-{Hex(4)}-{Hex(4)}-{Hex(12)}";
}
