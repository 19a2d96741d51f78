using System.Reflection;

namespace StratusScan.DataSync
{
    /// <summary>Versions of the engine and of the AWS SDK it runs on (for -Verbose output and diagnostics).</summary>
    public static class EngineInfo
    {
        /// <summary>The engine's informational version (the module version).</summary>
        public static string Version { get; } =
            typeof(EngineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(EngineInfo).Assembly.GetName().Version?.ToString()
            ?? "unknown";

        /// <summary>The file version of the AWSSDK.Core the engine loaded (loads it when first read).</summary>
        public static string AwsSdkCoreVersion =>
            typeof(Amazon.Runtime.AWSCredentials).Assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version
            ?? typeof(Amazon.Runtime.AWSCredentials).Assembly.GetName().Version?.ToString()
            ?? "unknown";
    }
}
