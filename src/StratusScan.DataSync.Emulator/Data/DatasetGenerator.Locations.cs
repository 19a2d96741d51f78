using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>The locations of a Region, one of each kind in turn, and their secret configurations.</summary>
internal sealed partial class DatasetGenerator
{
    private static readonly string[] StorageClasses = ["STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_INSTANT_RETRIEVAL"];
    private static readonly string[] NfsVersions = ["AUTOMATIC", "NFS3", "NFS4_0", "NFS4_1"];
    private static readonly string[] SmbVersions = ["AUTOMATIC", "SMB2", "SMB3", "SMB1", "SMB2_0"];
    private static readonly string[] QopLevels = ["DISABLED", "AUTHENTICATION", "INTEGRITY", "PRIVACY"];
    private static readonly string[] AccessTiers = ["HOT", "COOL", "ARCHIVE"];

    private readonly Dictionary<string, int> _locationCount = new(StringComparer.Ordinal);
    private int _secretCount;

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
}
