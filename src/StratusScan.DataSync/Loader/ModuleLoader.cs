using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace StratusScan.DataSync.Loader
{
    /// <summary>
    /// Makes the engine (bin/deps: StratusScan.DataSync.Engine and AWSSDK.*, DocumentFormat.OpenXml, ...) loadable
    /// without clashing with other modules in the session, AWS Tools for PowerShell's AWSSDK.Core above all.
    /// PowerShell 7: the engine and its dependencies load in their own <see cref="EngineLoadContext"/>.
    /// Windows PowerShell 5.1: an AssemblyResolve handler answers for the module's own assemblies only.
    /// </summary>
    public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal const string EngineAssemblyName = "StratusScan.DataSync.Engine";

        /// <summary>bin/deps beside this assembly's bin/core or bin/desktop folder.</summary>
        internal static string DepsDirectory { get; } = Path.GetFullPath(Path.Combine(
            Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location) ?? ".", "..", "deps"));

        public void OnImport() => Register();

        public void OnRemove(PSModuleInfo psModuleInfo) => Unregister();

#if NET
        internal static void Register()
        {
            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving -= ResolveEngine;
            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += ResolveEngine;
        }

        internal static void Unregister() =>
            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving -= ResolveEngine;

        // Only the engine is answered here; everything the engine needs is resolved by its own context.
        private static Assembly? ResolveEngine(System.Runtime.Loader.AssemblyLoadContext context, AssemblyName name) =>
            string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal)
                ? EngineLoadContext.Instance.LoadEngine()
                : null;
#else
        internal static void Register()
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDeps;
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDeps;
        }

        internal static void Unregister() => AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDeps;

        // Windows PowerShell has one load context. Answer only for requests that come from this module
        // (the cmdlets or anything in bin/deps), so other modules are never handed our AWSSDK.Core.
        private static Assembly? ResolveFromDeps(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var path = Path.Combine(DepsDirectory, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            var requester = args.RequestingAssembly;
            var fromModule = requester is null
                || requester == typeof(ModuleLoader).Assembly
                || IsInDeps(requester);
            return fromModule || string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal)
                ? Assembly.LoadFrom(path)
                : null;
        }

        private static bool IsInDeps(Assembly assembly)
        {
            try
            {
                var location = assembly.Location;
                return !string.IsNullOrEmpty(location)
                    && string.Equals(Path.GetDirectoryName(Path.GetFullPath(location)), DepsDirectory, StringComparison.OrdinalIgnoreCase);
            }
            catch (NotSupportedException)
            {
                return false; // dynamic assemblies have no location
            }
        }
#endif
    }
}
