using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Model;
using StratusScan.DataSync.Testing;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>
    /// Every member of every input and output shape (recursively) of the operations the client calls
    /// (<see cref="DataSyncApi.Operations"/>), in the committed API model, must be a JSON property of the
    /// model types, with a matching type.
    /// </summary>
    public sealed class ModelCoverageTests
    {
        [Fact]
        public void EveryModelMemberIsMapped()
        {
            using JsonDocument model = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.DataSyncModel));
            JsonElement shapes = model.RootElement.GetProperty("shapes");
            JsonElement operations = model.RootElement.GetProperty("operations");
            var problems = new List<string>();
            var checkedShapes = new HashSet<string>();
            int members = 0;

            foreach (string op in DataSyncApi.Operations)
            {
                Assert.True(operations.TryGetProperty(op, out JsonElement operation), op + " is not in the model");
                foreach (string io in new[] { "input", "output" })
                {
                    string shapeName = operation.GetProperty(io).GetProperty("shape").GetString()!;
                    Type? type = typeof(ListTasksRequest).Assembly.GetType("StratusScan.DataSync.Aws.Model." + shapeName);
                    if (type == null)
                    {
                        problems.Add($"{op} {io}: no type StratusScan.DataSync.Aws.Model.{shapeName}");
                        continue;
                    }
                    Compare(shapes, shapeName, type, op + "." + io, problems, checkedShapes, ref members);
                }
            }

            Assert.True(problems.Count == 0, "Model members missing or mistyped:\n" + string.Join("\n", problems));
            Assert.True(members > 250, "suspiciously few members compared: " + members);
        }

        private static void Compare(JsonElement shapes, string shapeName, Type type, string path, List<string> problems,
            HashSet<string> done, ref int members)
        {
            if (!done.Add(shapeName + "|" + type.FullName)) return;
            JsonTypeInfo info = DataSyncJsonContext.Default.GetTypeInfo(type)
                ?? throw new InvalidOperationException("no JsonTypeInfo for " + type);
            var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
            JsonElement shape = shapes.GetProperty(shapeName);

            foreach (JsonProperty member in shape.GetProperty("members").EnumerateObject())
            {
                members++;
                string memberShape = member.Value.GetProperty("shape").GetString()!;
                string where = $"{shapeName}.{member.Name} (via {path})";
                if (!properties.TryGetValue(member.Name, out JsonPropertyInfo? property))
                {
                    problems.Add("missing: " + where);
                    continue;
                }
                CheckType(shapes, memberShape, property.PropertyType, where, problems, done, ref members);
            }
        }

        private static void CheckType(JsonElement shapes, string shapeName, Type clr, string where, List<string> problems,
            HashSet<string> done, ref int members)
        {
            JsonElement shape = shapes.GetProperty(shapeName);
            string kind = shape.GetProperty("type").GetString()!;
            Type expected;
            switch (kind)
            {
                case "string": expected = typeof(string); break;
                case "long": expected = typeof(long?); break;
                case "integer": expected = typeof(int?); break;
                case "boolean": expected = typeof(bool?); break;
                case "timestamp": expected = typeof(DateTime?); break;
                case "blob": expected = typeof(byte[]); break;
                case "structure":
                    Compare(shapes, shapeName, clr, where, problems, done, ref members);
                    return;
                case "list":
                    Type? element = clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                        ? clr.GetGenericArguments()[0] : null;
                    if (element == null)
                    {
                        problems.Add($"not a list: {where} is {clr}");
                        return;
                    }
                    string memberShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                    Type elementType = element;
                    string memberKind = shapes.GetProperty(memberShape).GetProperty("type").GetString()!;
                    if (memberKind == "long" || memberKind == "integer" || memberKind == "boolean" || memberKind == "timestamp")
                    {
                        elementType = typeof(Nullable<>).MakeGenericType(element);
                    }
                    CheckType(shapes, memberShape, elementType, where + "[]", problems, done, ref members);
                    return;
                default:
                    problems.Add($"unhandled model type {kind} at {where}");
                    return;
            }
            if (clr != expected) problems.Add($"type: {where} is {clr.Name}, expected {expected.Name}");
        }

        [Fact]
        public void UnknownMembersAreIgnored()
        {
            string json = "{\"TaskArn\":\"arn:aws:datasync:us-east-1:111122223333:task/task-1\",\"Name\":\"n\"," +
                          "\"SomeFutureMember\":{\"Nested\":[1,2,3]},\"Options\":{\"VerifyMode\":\"NONE\",\"NewOption\":\"X\"}," +
                          "\"CreationTime\":1700000000.5}";
            DescribeTaskResponse? task = JsonSerializer.Deserialize(json, DataSyncJsonContext.Default.DescribeTaskResponse);
            Assert.NotNull(task);
            Assert.Equal("n", task!.Name);
            Assert.Equal("NONE", task.Options!.VerifyMode);
            Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), task.CreationTime);
            Assert.Equal(DateTimeKind.Utc, task.CreationTime!.Value.Kind);
        }

        [Fact]
        public void RequestsOmitNulls()
        {
            string json = JsonSerializer.Serialize(new ListTasksRequest { MaxResults = 100 }, DataSyncJsonContext.Default.ListTasksRequest);
            Assert.Equal("{\"MaxResults\":100}", json);
            Assert.Equal("{\"TaskArn\":\"arn:x\"}",
                JsonSerializer.Serialize(new DescribeTaskRequest("arn:x"), DataSyncJsonContext.Default.DescribeTaskRequest));
        }

        [Theory]
        [InlineData("1700000000", 1700000000L, 0L)]
        [InlineData("1700000000.123", 1700000000L, 1230000L)]
        [InlineData("1700000000.1234567", 1700000000L, 1234567L)]
        [InlineData("0", 0L, 0L)]
        public void TimestampsAreEpochSeconds(string number, long seconds, long extraTicks)
        {
            string json = "{\"StartTime\":" + number + ",\"Result\":{\"TotalDuration\":90061000}}";
            DescribeTaskExecutionResponse? r = JsonSerializer.Deserialize(json, DataSyncJsonContext.Default.DescribeTaskExecutionResponse);
            DateTime expected = DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(extraTicks), DateTimeKind.Utc);
            Assert.Equal(expected, r!.StartTime);
            // Durations stay milliseconds, as the API gives them: 90061000 ms = 1 d 1 h 1 min 1 s.
            Assert.Equal(90061000L, r.Result!.TotalDuration);
            // And back: the same number.
            string back = JsonSerializer.Serialize(r, DataSyncJsonContext.Default.DescribeTaskExecutionResponse);
            using JsonDocument doc = JsonDocument.Parse(back);
            Assert.Equal(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture), doc.RootElement.GetProperty("StartTime").GetDecimal());
        }

        [Fact]
        public void BlobsAreBase64()
        {
            string json = "{\"ServerCertificate\":\"" + Convert.ToBase64String(new byte[] { 1, 2, 3, 250 }) + "\"}";
            DescribeLocationObjectStorageResponse? r = JsonSerializer.Deserialize(json, DataSyncJsonContext.Default.DescribeLocationObjectStorageResponse);
            Assert.Equal(new byte[] { 1, 2, 3, 250 }, r!.ServerCertificate);
        }

        [Fact]
        public void FsxProtocolKeepsApiNames()
        {
            string json = "{\"Protocol\":{\"NFS\":{\"MountOptions\":{\"Version\":\"NFS3\"}},\"SMB\":{\"User\":\"u\",\"Domain\":\"d\"}}}";
            DescribeLocationFsxOntapResponse? r = JsonSerializer.Deserialize(json, DataSyncJsonContext.Default.DescribeLocationFsxOntapResponse);
            Assert.Equal("NFS3", r!.Protocol!.Nfs!.MountOptions!.Version);
            Assert.Equal("u", r.Protocol.Smb!.User);
        }
    }
}
