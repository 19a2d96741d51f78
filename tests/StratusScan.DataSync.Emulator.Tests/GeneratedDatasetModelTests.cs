using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

/// <summary>Every value the generator makes is valid under the official API model, and every member is used.</summary>
public sealed class GeneratedDatasetModelTests
{
    private static readonly Lazy<ApiModel> Model = new(ApiModel.Load);

    private static readonly string[] DescribeOperations =
        ["DescribeTask", "DescribeAgent", "DescribeTaskExecution", .. LocationTypes.All.Select(LocationTypes.DescribeOperation)];

    /// <summary>
    /// Members the service never returns although the output shape has them (sensitive members, such as
    /// Protocol.SMB.Password, are left out of the expected paths altogether).
    /// </summary>
    private static readonly (string Operation, string PathPrefix, string Reason)[] NeverServed =
    [
        ("DescribeLocationFsxOpenZfs", "Protocol.SMB", "FsxProtocol is shared with ONTAP, but FSx for OpenZFS locations are NFS only"),
    ];

    [Fact]
    public void Every_value_of_a_generated_dataset_is_valid_under_the_model()
    {
        ApiModel model = RequireModel();
        (List<string> errors, _) = Validate(model, EmulatorDataset.Generate(Emulators.CoverageSpec()));
        Assert.True(errors.Count == 0, $"{errors.Count} invalid values:\n{string.Join("\n", errors.Take(50))}");
    }

    [Fact]
    public void Every_value_of_the_sample_dataset_is_valid_under_the_model()
    {
        ApiModel model = RequireModel();
        (List<string> errors, _) = Validate(model, EmulatorDataset.CreateSample());
        Assert.True(errors.Count == 0, $"{errors.Count} invalid values:\n{string.Join("\n", errors.Take(50))}");
    }

    [Fact]
    public void A_generated_dataset_uses_every_member_and_every_enum_value_of_every_describe_output()
    {
        ApiModel model = RequireModel();
        (_, Dictionary<string, HashSet<string>> seen) = Validate(model, EmulatorDataset.Generate(Emulators.CoverageSpec()));

        var missing = new List<string>();
        foreach (string operation in DescribeOperations)
        {
            string shape = model.OutputShape(operation);
            HashSet<string> used = seen.GetValueOrDefault(operation) ?? [];
            missing.AddRange(model.MemberPaths(shape).Concat(model.EnumValuePaths(shape))
                .Where(p => !used.Contains(p))
                .Where(p => !NeverServed.Any(n => n.Operation == operation && p.StartsWith(n.PathPrefix, StringComparison.Ordinal)))
                .Select(p => $"{operation}: {p}"));
        }

        Assert.True(missing.Count == 0, $"{missing.Count} members or enum values never generated:\n{string.Join("\n", missing)}");

        // And the exclusions are real: nothing is generated under them.
        foreach ((string operation, string prefix, _) in NeverServed)
        {
            Assert.DoesNotContain(seen.GetValueOrDefault(operation) ?? [], p => p.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Tag_lists_are_valid_list_tags_for_resource_entries()
    {
        ApiModel model = RequireModel();
        var errors = new List<string>();
        foreach (RegionData region in EmulatorDataset.Generate(Emulators.CoverageSpec()).AllRegions())
        {
            foreach (KeyValuePair<string, JsonArray> tags in region.Tags)
            {
                Assert.True(region.ContainsArn(tags.Key), $"tags of unknown resource {tags.Key}");
                model.Validate(new JsonObject { ["Tags"] = tags.Value.DeepClone() }, "ListTagsForResourceResponse", tags.Key, errors, []);
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(50)));
    }

    [Fact]
    public void The_validator_reports_values_the_model_rejects()
    {
        ApiModel model = RequireModel();
        var task = new JsonObject
        {
            ["TaskArn"] = "arn:aws:datasync:us-east-1:111122223333:task/task-XYZ",
            ["Status"] = "SLEEPING",
            ["Name"] = new string('n', 257),
            ["Colour"] = "blue",
            ["CreationTime"] = "2024-01-01T00:00:00Z",
            ["Excludes"] = new JsonArray(new JsonObject { ["Value"] = "a" }, new JsonObject { ["Value"] = "b" }),
            ["Schedule"] = new JsonObject { ["Status"] = "ENABLED" },
            ["Options"] = new JsonObject { ["BytesPerSecond"] = -2 },
        };
        var errors = new List<string>();

        model.Validate(task, model.OutputShape("DescribeTask"), "task", errors, []);

        foreach (string expected in new[] { "TaskArn", "SLEEPING", "length 257", "Colour", "CreationTime", "item count 2", "ScheduleExpression", "BytesPerSecond" })
        {
            Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_generated_data_holds_the_awkward_values_clients_must_survive()
    {
        EmulatorDataset dataset = EmulatorDataset.Generate(Emulators.CoverageSpec());
        JsonObject[] tasks = dataset.AllRegions().SelectMany(r => r.Tasks).ToArray();
        JsonObject[] executions = dataset.AllRegions().SelectMany(r => r.Executions).ToArray();
        string[] names = tasks.Select(t => t["Name"]?.GetValue<string>()).OfType<string>().ToArray();
        string[] details = executions.Select(e => e["Result"]?["ErrorDetail"]?.GetValue<string>()).OfType<string>().ToArray();

        Assert.Contains(names, n => n.Length == 256);
        Assert.Contains(names, n => n.StartsWith('='));
        Assert.Contains(tasks, t => t["Name"] is null);
        Assert.Contains(details, d => d == "=HYPERLINK(\"http://example.invalid\",\"x\")");
        Assert.Contains(details, d => d.Length == 40_000 && d.Contains(',') && d.Any(c => c > 127));
        Assert.Contains(tasks, t => t["Excludes"]?[0]?["Value"]?.GetValue<string>() is { Length: 40_000 } v && v.Contains('|') && v.Contains(','));
        Assert.Contains(executions, e => e["BytesTransferred"]!.GetValue<long>() > uint.MaxValue);

        DateTimeOffset edge = Emulators.CoverageSpec().Now.AddDays(-30);
        DateTimeOffset[] starts = executions.Select(e => EpochTime.FromJson(e["StartTime"]!)).ToArray();
        Assert.Contains(starts, s => s < edge && s > edge.AddMinutes(-10));
        Assert.Contains(starts, s => s > edge && s < edge.AddMinutes(10));
        Assert.Contains(starts, s => s < edge.AddDays(-5));
        Assert.All(starts, s => Assert.True(s <= Emulators.CoverageSpec().Now));

        foreach (JsonObject execution in executions)
        {
            JsonNode result = execution["Result"]!;
            if (execution["Status"]!.GetValue<string>() is "SUCCESS" or "ERROR")
            {
                long total = result["TotalDuration"]!.GetValue<long>();
                double span = (EpochTime.FromJson(execution["EndTime"]!) - EpochTime.FromJson(execution["LaunchTime"]!)).TotalMilliseconds;
                Assert.Equal(total, span, 2.0);
                Assert.True(total >= result["PrepareDuration"]!.GetValue<long>() + result["TransferDuration"]!.GetValue<long>() + result["VerifyDuration"]!.GetValue<long>());
            }

            Assert.Equal(execution["TaskMode"]!.GetValue<string>() == "ENHANCED", execution["FilesFailed"] is not null);
        }
    }

    [Fact]
    public void Generation_is_repeatable_for_a_seed_and_differs_for_another()
    {
        string first = EmulatorDataset.Generate(Emulators.CoverageSpec()).ToJson();
        string again = EmulatorDataset.Generate(Emulators.CoverageSpec()).ToJson();
        DatasetSpec other = Emulators.CoverageSpec();
        other.Seed = 43;

        Assert.Equal(first, again);
        Assert.NotEqual(first, EmulatorDataset.Generate(other).ToJson());
    }

    private static ApiModel RequireModel() => Model.Value;

    private static (List<string> Errors, Dictionary<string, HashSet<string>> Seen) Validate(ApiModel model, EmulatorDataset dataset)
    {
        var errors = new List<string>();
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Check(string operation, JsonObject resource, string arnMember)
        {
            if (!seen.TryGetValue(operation, out HashSet<string>? used)) seen[operation] = used = [];
            model.Validate(resource, model.OutputShape(operation), resource[arnMember]?.GetValue<string>() ?? operation, errors, used);
        }

        foreach (RegionData region in dataset.AllRegions())
        {
            foreach (JsonObject task in region.Tasks) Check("DescribeTask", task, "TaskArn");
            foreach (JsonObject agent in region.Agents) Check("DescribeAgent", agent, "AgentArn");
            foreach (JsonObject execution in region.Executions) Check("DescribeTaskExecution", execution, "TaskExecutionArn");
            foreach (JsonObject location in region.Locations)
            {
                string? kind = LocationTypes.FromUri(location["LocationUri"]?.GetValue<string>());
                if (kind is null) errors.Add($"{location["LocationArn"]}: no location type for its LocationUri");
                else Check(LocationTypes.DescribeOperation(kind), location, "LocationArn");
            }

            foreach (JsonObject resource in region.Tasks.Concat(region.Agents).Concat(region.Locations).Concat(region.Executions))
            {
                string arn = resource.First().Value!.GetValue<string>();
                if (!arn.Contains($":{region.Region}:{region.AccountId}:", StringComparison.Ordinal) || !arn.StartsWith($"arn:{region.Partition}:", StringComparison.Ordinal))
                    errors.Add($"{arn}: ARN not of {region.Partition}/{region.Region}/{region.AccountId}");
            }

            foreach (JsonObject task in region.Tasks)
            {
                foreach (string member in new[] { "SourceLocationArn", "DestinationLocationArn" })
                {
                    if (region.Locations.Find(task[member]!.GetValue<string>()) is null) errors.Add($"{task["TaskArn"]}: {member} names no location");
                }
            }
        }

        return (errors, seen);
    }
}
