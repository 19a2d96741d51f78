#if NET
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace StratusScan.DataSync.Loader
{
    /// <summary>
    /// The module's own load context (PowerShell 7). It loads the engine and its dependencies from bin/deps,
    /// except where the runtime or PowerShell already carries the same assembly at an equal or newer version
    /// (System.Text.Json, Microsoft.Bcl.AsyncInterfaces, ...): those are shared, so types like
    /// IAsyncEnumerable are the same on both sides. AWSSDK.* are never in that list, so the module always uses
    /// its own AWSSDK.Core whatever version another module has loaded.
    /// </summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        private static readonly Lazy<EngineLoadContext> Lazy = new Lazy<EngineLoadContext>(() => new EngineLoadContext());
        private readonly Dictionary<string, string> _platformAssemblies;

        private EngineLoadContext() : base("StratusScan.DataSync", isCollectible: false)
        {
            _platformAssemblies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (var path in tpa.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                _platformAssemblies[Path.GetFileNameWithoutExtension(path)] = path;
            }
        }

        public static EngineLoadContext Instance => Lazy.Value;

        public Assembly LoadEngine()
        {
            var path = Path.Combine(ModuleLoader.DepsDirectory, ModuleLoader.EngineAssemblyName + ".dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    "The StratusScan.DataSync engine is missing from the module folder. Rebuild the module (dotnet build) or reinstall it.",
                    path);
            }

            return LoadFromAssemblyPath(path);
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name is null) return null;

            var local = Path.Combine(ModuleLoader.DepsDirectory, name + ".dll");
            if (!File.Exists(local)) return null; // the framework's or PowerShell's own: the default context has it

            if (_platformAssemblies.TryGetValue(name, out var platformPath) && IsAtLeast(platformPath, assemblyName.Version))
            {
                return null; // share the platform's copy
            }

            return LoadFromAssemblyPath(local);
        }

        private static bool IsAtLeast(string path, Version? wanted)
        {
            try
            {
                var version = AssemblyName.GetAssemblyName(path).Version;
                return wanted is null || (version != null && version >= wanted);
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
#endif
