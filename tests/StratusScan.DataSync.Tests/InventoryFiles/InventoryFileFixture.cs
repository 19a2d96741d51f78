using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    /// <summary>
    /// One scan of the emulator's generated dataset (every location type, tags read for every kind) shared by the
    /// inventory file tests, plus a temporary folder they write into.
    /// </summary>
    public sealed class InventoryFileFixture : IAsyncLifetime
    {
        public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        public static readonly string[] Regions = { "us-east-1", "eu-west-1" };

        public ScanResult Scan { get; private set; } = null!;
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "ss-inventory-" + Guid.NewGuid().ToString("N"));

        /// <summary>Every object of the scan: tasks, locations, agents, executions.</summary>
        public IReadOnlyList<object> Objects => Scan.Tasks.Cast<object>().Concat(Scan.Locations).Concat(Scan.Agents).Concat(Scan.Executions).ToList();

        public async Task InitializeAsync()
        {
            System.IO.Directory.CreateDirectory(Directory);
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Port = 0,
                PageSize = 50,
                Seed = 23,
                Generate = new DatasetSpec
                {
                    Regions = Regions,
                    TasksPerRegion = 6,
                    LocationsPerTypePerRegion = 1,
                    AgentsPerRegion = 3,
                    ExecutionsPerTask = 4,
                    DaysOfHistory = 20,
                    Now = Now,
                    Seed = 23,
                },
            });
            using var session = TestEmulator.Session(server);
            Scan = await new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                Kinds = ResourceKinds.All,
                TaggedKinds = ResourceKinds.Tasks | ResourceKinds.Locations | ResourceKinds.Agents,
            });
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

        public string NewPath(string extension) => Path.Combine(Directory, Guid.NewGuid().ToString("N") + extension);

        /// <summary>A header as a scan of the default account writes it.</summary>
        public static InventoryHeader Header(IReadOnlyList<ScanIssue>? issues = null) => new InventoryHeader
        {
            ScanStartUtc = Now.UtcDateTime.AddMinutes(-3).AddTicks(1234567),
            ScanEndUtc = Now.UtcDateTime,
            Regions = Regions,
            Window = InventoryHeaders.Window(ExecutionWindow.LastDays(30, Now.UtcDateTime), 30),
            CallerArn = "arn:aws:iam::" + EmulatorCredentials.DefaultAccountId + ":user/auditor",
            Name = "Production",
            Kinds = ResourceKinds.All,
            TaggedKinds = ResourceKinds.Tasks | ResourceKinds.Locations | ResourceKinds.Agents,
            Accounts = new[] { new InventoryAccount { AccountId = EmulatorCredentials.DefaultAccountId, AccountName = "Production", Status = InventoryAccountStatus.Incomplete } },
            Issues = issues ?? new[]
            {
                new ScanIssue(ScanIssueKind.AccessDenied, "eu-west-1", "ListAgents", null, "AccessDeniedException", "not authorised", "Agents of eu-west-1", EmulatorCredentials.DefaultAccountId),
                new ScanIssue(ScanIssueKind.Throttled, "us-east-1", "AssumeRole", "arn:aws:iam::444455556666:role/Audit", null, "slow down", "everything", "444455556666", "sts"),
            },
            Counts = new InventoryCounts { ExecutionsOutsideWindow = 7 },
        };
    }

    /// <summary>Compares two objects member by member through reflection: public properties, lists item by item, tags with their collected flag.</summary>
    internal static class MemberComparer
    {
        public static void AssertEqual(object? expected, object? actual, string path)
        {
            if (expected is null || actual is null)
            {
                Assert.True(expected is null && actual is null, path + ": expected " + (expected ?? "null") + ", got " + (actual ?? "null"));
                return;
            }

            var type = expected.GetType();
            // A list declared as an interface (IReadOnlyList) may be read back as another list class; ValueList and TagSet may not.
            var interfaceList = expected is IEnumerable && !(expected is string) && !type.Name.StartsWith("ValueList", StringComparison.Ordinal) && !(expected is TagSet);
            Assert.True(interfaceList || type == actual.GetType(), path + ": type " + type.Name + " read back as " + actual.GetType().Name);
            if (expected is TagSet expectedTags)
            {
                var actualTags = (TagSet)actual;
                Assert.True(TagSet.WereCollected(expectedTags) == TagSet.WereCollected(actualTags), path + ": collected flag");
                Assert.Equal(expectedTags.ToList(), actualTags.ToList());
                return;
            }

            if (expected is DateTime time)
            {
                Assert.True(time.Ticks == ((DateTime)actual).Ticks, path + ": " + time.ToString("O") + " read back as " + ((DateTime)actual).ToString("O"));
                Assert.True(((DateTime)actual).Kind == DateTimeKind.Utc, path + ": not UTC");
                return;
            }

            if (type.IsPrimitive || type.IsEnum || expected is string || expected is decimal || expected is TimeSpan)
            {
                Assert.True(expected.Equals(actual), path + ": expected " + expected + ", got " + actual);
                return;
            }

            if (expected is IEnumerable items)
            {
                var left = items.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(left.Count == right.Count, path + ": " + left.Count + " items read back as " + right.Count);
                for (var i = 0; i < left.Count; i++) AssertEqual(left[i], right[i], path + "[" + i + "]");
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                AssertEqual(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
            }
        }
    }
}
