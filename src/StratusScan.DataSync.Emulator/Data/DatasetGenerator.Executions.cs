using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>The executions of a task: start times over the history, statuses, phase results, counters and errors.</summary>
internal sealed partial class DatasetGenerator
{
    private static readonly string[] InProgressStatuses = ["LAUNCHING", "PREPARING", "TRANSFERRING", "VERIFYING", "CANCELLING"];
    private static readonly string[] ErrorCodes = ["TransferFailure", "VerificationFailure", "OpNotPermitted", "ConnectionTimeout", "InvalidArgument"];

    private int _executionCount;
    private int _errorCount;
    private int _inProgressCount;

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
}
