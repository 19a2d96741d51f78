using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>
    /// The real emulator's generated dataset, collected by the real collector over HTTP, turned into ReportData and
    /// written once to a workbook in a temporary directory that the tests then read with independent readers.
    /// </summary>
    public sealed class WorkbookFixture : IAsyncLifetime
    {
        public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        public static readonly string[] Regions = { "us-east-1", "eu-west-1" };

        public ReportData Data { get; private set; } = null!;
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "ss-report-" + Guid.NewGuid().ToString("N"));
        public string WorkbookPath { get; private set; } = string.Empty;
        public WorkbookResult Result { get; private set; } = null!;
        public ScanResult Scan { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            System.IO.Directory.CreateDirectory(Directory);
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Port = 0,
                PageSize = 50,
                Seed = 11,
                Generate = new DatasetSpec
                {
                    Regions = Regions,
                    TasksPerRegion = 16,
                    LocationsPerTypePerRegion = 2,
                    AgentsPerRegion = 5,
                    ExecutionsPerTask = 8,
                    DaysOfHistory = 45,
                    Now = Now,
                    Seed = 11,
                },
            });

            using var session = TestEmulator.Session(server);

            var window = ExecutionWindow.LastDays(30, Now.UtcDateTime);
            Scan = await new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                Kinds = ResourceKinds.All,
                ExecutionsSince = window.SinceUtc,
            });

            Data = new ReportData
            {
                AccountId = EmulatorCredentials.DefaultAccountId,
                AccountName = "Audit: Prod/Main",
                CallerArn = "arn:aws:iam::" + EmulatorCredentials.DefaultAccountId + ":user/auditor",
                Partition = "aws",
                Regions = Regions,
                ScanTimeUtc = Now.UtcDateTime,
                Window = window,
                Tasks = Scan.Tasks,
                Locations = Scan.Locations,
                Agents = Scan.Agents,
                Executions = Scan.Executions,
                Issues = Scan.Issues,
            };

            WorkbookPath = Path.Combine(Directory, ReportFileName.For(Data.AccountName, new DateTime(2026, 11, 20)));
            Result = WorkbookWriter.WriteFile(WorkbookPath, Data, overwrite: false);

            // For a look by hand (Excel, LibreOffice, Import-Excel): STRATUSSCAN_KEEP_WORKBOOK=<directory>.
            var keep = Environment.GetEnvironmentVariable("STRATUSSCAN_KEEP_WORKBOOK");
            if (!string.IsNullOrEmpty(keep) && System.IO.Directory.Exists(keep))
            {
                File.Copy(WorkbookPath, Path.Combine(keep, Path.GetFileName(WorkbookPath)), overwrite: true);
            }
        }

        public Task DisposeAsync()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }

            return Task.CompletedTask;
        }

        /// <summary>A fresh empty directory under the fixture's one.</summary>
        public string NewDirectory()
        {
            var path = Path.Combine(Directory, Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
    }
}
