using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Benchmarks
{
    /// <summary>
    /// The workbook writer alone: N execution rows (default 200,000) built in memory and written to a file;
    /// prints time, working set before and peak, and file size. `dotnet run -c Release --project
    /// tests/StratusScan.DataSync.Benchmarks -- workbook [--rows N]`.
    /// </summary>
    internal static class WorkbookWriteBenchmark
    {
        public static int Run(int rows)
        {

            var now = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
            var statuses = new[] { "SUCCESS", "SUCCESS", "SUCCESS", "ERROR", "TRANSFERRING" };
            var executions = new List<DataSyncTaskExecution>(rows);
            for (int i = 0; i < rows; i++)
            {
                string task = "arn:aws:datasync:us-east-1:111122223333:task/task-" + (i % 500).ToString("D17", CultureInfo.InvariantCulture);
                string status = statuses[i % statuses.Length];
                executions.Add(new DataSyncTaskExecution
                {
                    AccountId = "111122223333",
                    Region = "us-east-1",
                    TaskArn = task,
                    TaskExecutionArn = task + "/execution/exec-" + i.ToString("D17", CultureInfo.InvariantCulture),
                    TaskName = "nightly copy " + (i % 500).ToString(CultureInfo.InvariantCulture),
                    Status = status,
                    StartTime = now.AddMinutes(-(i % 43000)),
                    TotalDuration = TimeSpan.FromMilliseconds(1000L * (i % 20000)),
                    FilesTransferred = i * 3L,
                    BytesTransferred = i * 1_048_576L,
                    FilesFailed = i % 2 == 0 ? (long?)(i % 7) : null,
                    FilesSkipped = i % 11,
                    FilesVerified = i * 3L,
                    FilesDeleted = 0,
                    BytesWritten = i * 1_000_000L,
                    ErrorCode = status == "ERROR" ? "OpNotSupp" : null,
                    ErrorDetail = status == "ERROR" ? "Transfer and verification completed with errors: " + (i % 9) + " files failed" : null,
                });
            }

            var data = new ReportData
            {
                AccountId = "111122223333",
                AccountName = "bench",
                Regions = new[] { "us-east-1" },
                ScanTimeUtc = now,
                Window = ExecutionWindow.LastDays(30, now),
                Executions = executions,
            };

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            long before = process.WorkingSet64;
            long peakBefore = process.PeakWorkingSet64;
            long managedBefore = GC.GetTotalMemory(false);
            long allocatedBefore = GC.GetTotalAllocatedBytes(true);

            string directory = Path.Combine(Path.GetTempPath(), "ss-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                var clock = Stopwatch.StartNew();
                var result = WorkbookWriter.WriteFile(Path.Combine(directory, "bench.xlsx"), data, overwrite: false);
                clock.Stop();
                process.Refresh();
                var gc = GC.GetGCMemoryInfo();

                Console.WriteLine("rows (Recent Executions): " + result.RowsPerSheet["Recent Executions"].ToString("N0", CultureInfo.InvariantCulture)
                    + ", Failed Executions: " + result.RowsPerSheet["Failed Executions"].ToString("N0", CultureInfo.InvariantCulture));
                Console.WriteLine("time: " + clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s");
                Console.WriteLine("file: " + (result.Bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB");
                Console.WriteLine("working set before write (rows in memory): " + Mib(before) + "; peak before: " + Mib(peakBefore) + "; peak after: " + Mib(process.PeakWorkingSet64));
                Console.WriteLine("managed heap before: " + Mib(managedBefore) + "; GC peak heap size (last GC): " + Mib(gc.HeapSizeBytes)
                    + "; allocated during write: " + Mib(GC.GetTotalAllocatedBytes(true) - allocatedBefore));
                return result.RowsPerSheet["Recent Executions"] == rows ? 0 : 1;
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";
    }
}
