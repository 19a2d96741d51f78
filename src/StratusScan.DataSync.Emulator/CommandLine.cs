using System;
using System.Collections.Generic;
using System.Globalization;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Emulator;

/// <summary>The executable's command line: every <see cref="EmulatorOptions"/> knob as a flag.</summary>
internal sealed class CommandLine
{
    public const string Usage = """
        StratusScan DataSync/STS API emulator

        Usage: StratusScan.DataSync.Emulator [options]

        Data (one of; default --sample):
          --sample                       the small, stable sample dataset (account 111122223333; us-east-1, us-west-2, eu-west-1)
          --dataset FILE                 a dataset JSON file (format: README.md)
          --generate SPEC                a generated dataset, e.g. regions=us-east-1;eu-west-1,accounts=2,tasks=10,
                                         locations=2,agents=3,executions=5,days=45,seed=7
          --write-dataset FILE           write the chosen dataset to FILE and exit

        Server:
          --port N                       port on 127.0.0.1 (default 0: a free port)
          --page-size N                  entries per list page at most (default 5)
          --credential AKID:SECRET:ACCOUNT[:USER]   accept another key pair (repeatable)
          --seed N                       seed of generated data and fault randomness (default 1)

        Faults:
          --latency-ms N                 delay every call by N ms
          --rate-limit R                 token bucket per account and region: R calls/s (0 = none)
          --rate-burst N                 bucket capacity (default 10)
          --throttle-rate X              fraction 0..1 of DataSync calls throttled at random
          --error-rate X                 fraction 0..1 answered 500 InternalException / 503 ServiceUnavailable
          --latency-spike-ms N           a latency spike: N ms more on the calls picked by --latency-spike-rate
          --latency-spike-rate X         fraction 0..1 of calls delayed by a spike
          --error-burst N                each random 5xx (--error-rate) starts a burst of N consecutive 5xx (default 1)
          --drop-rate X                  fraction 0..1 of DataSync calls whose connection is dropped unanswered
          --malformed-rate X             fraction 0..1 of responses sent as invalid JSON or cut short
          --token-loop OP                paging of OP (or REGION:OP) never ends: the NextToken sent comes back (repeatable, or comma list)
          --deny-region R                every DataSync call in R gets AccessDeniedException (repeatable, or comma list)
          --deny-operation OP            deny OP everywhere, or REGION:OP in one region (repeatable, or comma list)
          --deny-account ACCOUNT         deny every DataSync call made in ACCOUNT (repeatable, or comma list)
          --disable-region R             R is not enabled: UnrecognizedClientException (repeatable, or comma list)
        """;

    public EmulatorOptions Options { get; } = new();
    public string? WriteDatasetPath { get; private set; }
    public bool ShowHelp { get; private set; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            string flag = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{flag} needs a value.");
            EmulatorOptions o = line.Options;
            switch (flag)
            {
                case "-h" or "--help" or "-?": line.ShowHelp = true; break;
                case "--sample": o.DatasetPath = null; o.Generate = null; break;
                case "--dataset": o.DatasetPath = Value(); break;
                case "--generate": o.Generate = DatasetSpec.Parse(Value()); break;
                case "--write-dataset": line.WriteDatasetPath = Value(); break;
                case "--port": o.Port = Int(flag, Value(), 0, 65535); break;
                case "--page-size": o.PageSize = Int(flag, Value(), 0, 1000); break;
                case "--seed": o.Seed = Int(flag, Value(), int.MinValue, int.MaxValue); break;
                case "--latency-ms": o.Latency = TimeSpan.FromMilliseconds(Int(flag, Value(), 0, 600_000)); break;
                case "--rate-limit": o.RateLimitPerSecond = Double(flag, Value(), 0, 1_000_000); break;
                case "--rate-burst": o.RateLimitBurst = Int(flag, Value(), 1, 1_000_000); break;
                case "--throttle-rate": o.ThrottleRate = Double(flag, Value(), 0, 1); break;
                case "--error-rate": o.ServerErrorRate = Double(flag, Value(), 0, 1); break;
                case "--malformed-rate": o.MalformedRate = Double(flag, Value(), 0, 1); break;
                case "--latency-spike-ms": o.LatencySpike = TimeSpan.FromMilliseconds(Int(flag, Value(), 0, 600_000)); break;
                case "--latency-spike-rate": o.LatencySpikeRate = Double(flag, Value(), 0, 1); break;
                case "--error-burst": o.ServerErrorBurst = Int(flag, Value(), 1, 1_000_000); break;
                case "--drop-rate": o.DropConnectionRate = Double(flag, Value(), 0, 1); break;
                case "--token-loop": AddAll(o.TokenLoopOperations, Value()); break;
                case "--deny-region": AddAll(o.DeniedRegions, Value()); break;
                case "--deny-operation": AddAll(o.DeniedOperations, Value()); break;
                case "--deny-account": AddAll(o.DeniedAccounts, Value()); break;
                case "--disable-region": AddAll(o.DisabledRegions, Value()); break;
                case "--credential":
                {
                    string[] parts = Value().Split(':');
                    if (parts.Length is < 3 or > 4) throw new FormatException("--credential expects AKID:SECRET:ACCOUNT[:USER].");
                    o.Credentials.Add(parts.Length == 4
                        ? new EmulatorCredential(parts[0], parts[1], parts[2], parts[3])
                        : new EmulatorCredential(parts[0], parts[1], parts[2]));
                    break;
                }

                default:
                    throw new FormatException($"Unknown option '{flag}'. Use --help.");
            }
        }

        return line;
    }

    private static void AddAll(ISet<string> set, string value)
    {
        foreach (string item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            set.Add(item);
        }
    }

    private static int Int(string flag, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{flag} {value}: a whole number from {min} to {max} is expected.");

    private static double Double(string flag, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d >= min && d <= max
            ? d
            : throw new FormatException($"{flag} {value}: a number from {min} to {max} is expected.");
}
