using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StratusScan.DataSync.Aws;

namespace StratusScan.DataSync.Benchmarks
{
    /// <summary>
    /// <c>baseline --endpoint URL --regions r1,r2 [--days 30] [--access-key K --secret-key S] [--out FILE]</c>:
    /// runs <see cref="OriginalAlgorithm"/> and prints (and writes) one JSON object.
    /// <c>micro [BenchmarkDotNet arguments, e.g. --filter * --job short]</c>: the hot-path benchmarks, in process.
    /// </summary>
    public static class Program
    {
        private const string DefaultAccessKey = "AKIAEMULATOR00000001";
        private const string DefaultSecretKey = "EmulatorSecretKey/StratusScan/DataSync01";

        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "-h")
            {
                Console.WriteLine("usage: baseline --endpoint URL --regions r1,r2 [--days 30] [--access-key K] [--secret-key S] [--out FILE]");
                Console.WriteLine("       micro [--full] [BenchmarkDotNet arguments; default --filter *]");
                Console.WriteLine("       workbook [--rows N]   (the workbook writer alone, default 200,000 execution rows)");
                return args.Length == 0 ? 2 : 0;
            }

            switch (args[0])
            {
                case "workbook":
                    return WorkbookWriteBenchmark.Run(args.Length > 2 && args[1] == "--rows" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
                case "baseline":
                    return await RunBaselineAsync(args.Skip(1).ToArray()).ConfigureAwait(false);
                case "micro":
                    // In process (no generated project to build); a short run (3 warm-ups, 3 iterations) unless --full.
                    var full = args.Contains("--full");
                    var rest = args.Skip(1).Where(a => a != "--full").ToArray();
                    if (rest.Length == 0) rest = new[] { "--filter", "*" };
                    var job = (full ? Job.Default : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance).AsDefault();
                    var config = DefaultConfig.Instance.AddJob(job).WithArtifactsPath(Path.Combine(Path.GetTempPath(), "stratusscan-bdn"));
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
                    return 0;
                default:
                    Console.Error.WriteLine("Unknown mode '" + args[0] + "' (baseline, micro or workbook).");
                    return 2;
            }
        }

        private static async Task<int> RunBaselineAsync(string[] args)
        {
            var options = ParseOptions(args);
            if (!options.TryGetValue("endpoint", out var endpoint) || !options.TryGetValue("regions", out var regionList))
            {
                Console.Error.WriteLine("baseline needs --endpoint and --regions.");
                return 2;
            }

            var regions = regionList.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).ToList();
            var days = options.TryGetValue("days", out var d) ? int.Parse(d, CultureInfo.InvariantCulture) : 30;
            var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
            var retries = new Dictionary<string, int>(StringComparer.Ordinal);
            var gate = new object();
            var connection = new AwsConnectionOptions
            {
                EndpointUrl = endpoint,
                AccessKey = options.TryGetValue("access-key", out var ak) ? ak : DefaultAccessKey,
                SecretKey = options.TryGetValue("secret-key", out var sk) ? sk : DefaultSecretKey,
                // The original's boto3 client: the SDK's standard retries, one call at a time.
                OnApiCall = record =>
                {
                    lock (gate)
                    {
                        attempts[record.Operation] = (attempts.TryGetValue(record.Operation, out var a) ? a : 0) + record.Attempts;
                        if (record.Retries > 0) retries[record.Operation] = (retries.TryGetValue(record.Operation, out var r) ? r : 0) + record.Retries;
                    }
                },
            };

            using var session = AwsSession.Create(connection);
            var algorithm = new OriginalAlgorithm(session.GetDataSyncClient);
            var since = DateTime.UtcNow.AddDays(-days);
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var result = await algorithm.RunAsync(regions, since, CancellationToken.None).ConfigureAwait(false);
            process.Refresh();

            var output = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["implementation"] = "original-algorithm",
                ["regions"] = regions,
                ["wallSeconds"] = Math.Round(result.WallSeconds, 3),
                ["regionSeconds"] = result.RegionSeconds.ToDictionary(p => p.Key, p => Math.Round(p.Value, 3)),
                ["calls"] = new SortedDictionary<string, int>(algorithm.Calls.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
                ["totalCalls"] = algorithm.Calls.Values.Sum(),
                ["sdkAttempts"] = new SortedDictionary<string, int>(attempts, StringComparer.Ordinal),
                ["sdkRetries"] = new SortedDictionary<string, int>(retries, StringComparer.Ordinal),
                ["failures"] = new SortedDictionary<string, int>(algorithm.Failures.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
                ["tasks"] = result.Tasks,
                ["locations"] = result.Locations,
                ["locationTypes"] = new SortedDictionary<string, int>(result.LocationTypes, StringComparer.Ordinal),
                ["agents"] = result.Agents,
                ["executionsDescribed"] = result.ExecutionsDescribed,
                ["executionsInWindow"] = result.ExecutionsInWindow,
                ["peakWorkingSetBytes"] = process.PeakWorkingSet64,
            };
            var json = JsonSerializer.Serialize(output, new JsonSerializerOptions { WriteIndented = true });
            if (options.TryGetValue("out", out var file))
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(file));
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                File.WriteAllText(file, json);
            }

            Console.WriteLine(json);
            return 0;
        }

        private static Dictionary<string, string> ParseOptions(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException("Unexpected argument '" + args[i] + "'.");
                if (i + 1 >= args.Length) throw new ArgumentException(args[i] + " needs a value.");
                options[args[i].Substring(2)] = args[++i];
            }

            return options;
        }
    }
}
