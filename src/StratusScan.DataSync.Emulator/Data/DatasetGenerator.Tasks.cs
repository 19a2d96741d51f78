using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>The tasks of a Region: options, filters, schedules, manifests and task reports in turn.</summary>
internal sealed partial class DatasetGenerator
{
    private static readonly string[] TaskStatuses = ["AVAILABLE", "RUNNING", "AVAILABLE", "UNAVAILABLE", "RUNNING", "QUEUED", "AVAILABLE", "CREATING"];
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
    private static readonly string[] ReportOutputTypes = ["STANDARD", "SUMMARY_ONLY"];
    private static readonly string[] ReportLevels = ["ERRORS_ONLY", "SUCCESSES_AND_ERRORS"];
    private static readonly string[] ObjectVersionIdModes = ["INCLUDE", "NONE"];
    private static readonly string[] ScheduleExpressions = ["cron(0 2 * * ? *)", "rate(12 hours)", "cron(0 12 ? * SUN,WED *)", "rate(1 day)"];

    private int _taskCount;
    private bool _longFilterWritten;

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
}
