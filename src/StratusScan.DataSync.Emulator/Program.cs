using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Emulator;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CommandLine line;
        try
        {
            line = CommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        if (line.ShowHelp)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        EmulatorOptions options = line.Options;
        try
        {
            if (line.WriteDatasetPath is not null)
            {
                EmulatorDataset dataset = options.DatasetPath is not null ? EmulatorDataset.Load(options.DatasetPath)
                    : options.Generate is not null ? EmulatorDataset.Generate(options.Generate, options.Seed)
                    : EmulatorDataset.CreateSample();
                dataset.Save(line.WriteDatasetPath);
                Console.WriteLine($"Dataset written to {Path.GetFullPath(line.WriteDatasetPath)}");
                return 0;
            }

            await using EmulatorServer server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
            PrintBanner(server);
            await server.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static void PrintBanner(EmulatorServer server)
    {
        string endpoint = server.Endpoint.ToString();
        string[] regions = server.Dataset.AllRegions().Select(r => r.Region).Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] accounts = server.Dataset.Accounts.Select(a => a.AccountId).ToArray();
        Console.WriteLine($"Emulator listening on {endpoint}");
        Console.WriteLine($"""
              Data: accounts {string.Join(", ", accounts)}; regions {string.Join(", ", regions)}
              Use it with the default credentials (account {EmulatorCredentials.DefaultAccountId}):
                AWS_ENDPOINT_URL={endpoint}
                AWS_ACCESS_KEY_ID={EmulatorCredentials.DefaultAccessKeyId}
                AWS_SECRET_ACCESS_KEY={EmulatorCredentials.DefaultSecretAccessKey}
                AWS_REGION={(regions.Length == 0 || regions.Contains("us-east-1") ? "us-east-1" : regions[0])}
              PowerShell: $env:AWS_ENDPOINT_URL='{endpoint}'; $env:AWS_ACCESS_KEY_ID='{EmulatorCredentials.DefaultAccessKeyId}'; $env:AWS_SECRET_ACCESS_KEY='{EmulatorCredentials.DefaultSecretAccessKey}'
              Statistics: GET {endpoint}__emulator/stats (reset: POST {endpoint}__emulator/reset)
              Press Ctrl+C to stop.
            """);
        Console.Out.Flush();
    }
}
