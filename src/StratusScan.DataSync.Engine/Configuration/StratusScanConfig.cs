using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace StratusScan.DataSync.Configuration
{
    /// <summary>
    /// The parts of a StratusScan <c>config.json</c> the module reads:
    /// <c>account_mappings</c> (account id → display name), <c>default_regions</c> (Region names), and the
    /// organisation's name (<c>organization_name</c>, else <c>agency_name</c>). Unknown members are ignored.
    /// </summary>
    public sealed class StratusScanConfig
    {
        public static readonly StratusScanConfig Empty = new StratusScanConfig(null, new Dictionary<string, string>(), Array.Empty<string>(), null);

        private StratusScanConfig(string? path, IReadOnlyDictionary<string, string> accountMappings, IReadOnlyList<string> defaultRegions, string? organizationName)
        {
            Path = path;
            AccountMappings = accountMappings;
            DefaultRegions = defaultRegions;
            OrganizationName = organizationName;
        }

        /// <summary>The file it was read from; null for <see cref="Empty"/>.</summary>
        public string? Path { get; }
        public IReadOnlyDictionary<string, string> AccountMappings { get; }
        public IReadOnlyList<string> DefaultRegions { get; }
        public string? OrganizationName { get; }

        /// <summary>The mapped name of an account, or null.</summary>
        public string? AccountNameOf(string accountId) => AccountNames.MappedNameOf(accountId);

        /// <summary>The account-naming rule over <see cref="AccountMappings"/>.</summary>
        public Inventory.AccountNames AccountNames => new Inventory.AccountNames(AccountMappings);

        /// <summary>Reads and checks a config file. Throws <see cref="ConfigFileException"/> naming the file and the problem.</summary>
        public static StratusScanConfig Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ConfigFileException(path, "it cannot be read: " + e.Message, e);
            }

            return Parse(text, path);
        }

        public static StratusScanConfig Parse(string json, string path)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                var where = e.LineNumber.HasValue
                    ? string.Format(CultureInfo.InvariantCulture, " (line {0}, position {1})", e.LineNumber + 1, e.BytePositionInLine + 1)
                    : string.Empty;
                throw new ConfigFileException(path, "it is not valid JSON" + where + ".", e);
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new ConfigFileException(path, "its top level must be a JSON object, not " + Describe(root.ValueKind) + ".");
                }

                var mappings = new Dictionary<string, string>(StringComparer.Ordinal);
                if (root.TryGetProperty("account_mappings", out var accountMappings) && accountMappings.ValueKind != JsonValueKind.Null)
                {
                    if (accountMappings.ValueKind != JsonValueKind.Object)
                    {
                        throw new ConfigFileException(path, "\"account_mappings\" must be an object of account id to name, not " + Describe(accountMappings.ValueKind) + ".");
                    }

                    foreach (var mapping in accountMappings.EnumerateObject())
                    {
                        if (mapping.Value.ValueKind != JsonValueKind.String)
                        {
                            throw new ConfigFileException(path, "\"account_mappings\".\"" + mapping.Name + "\" must be a string (the account's name), not " + Describe(mapping.Value.ValueKind) + ".");
                        }

                        mappings[mapping.Name.Trim()] = mapping.Value.GetString() ?? string.Empty;
                    }
                }

                var regions = new List<string>();
                if (root.TryGetProperty("default_regions", out var defaultRegions) && defaultRegions.ValueKind != JsonValueKind.Null)
                {
                    if (defaultRegions.ValueKind == JsonValueKind.String)
                    {
                        regions.AddRange((defaultRegions.GetString() ?? string.Empty).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries));
                    }
                    else if (defaultRegions.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var region in defaultRegions.EnumerateArray())
                        {
                            if (region.ValueKind != JsonValueKind.String)
                            {
                                throw new ConfigFileException(path, "\"default_regions\" must list Region names as strings; found " + Describe(region.ValueKind) + ".");
                            }

                            regions.Add((region.GetString() ?? string.Empty).Trim());
                        }
                    }
                    else
                    {
                        throw new ConfigFileException(path, "\"default_regions\" must be an array of Region names, not " + Describe(defaultRegions.ValueKind) + ".");
                    }
                }

                string? organization = null;
                foreach (var key in new[] { "organization_name", "agency_name" })
                {
                    if (organization is null && root.TryGetProperty(key, out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString()))
                    {
                        organization = name.GetString();
                    }
                }

                return new StratusScanConfig(path, mappings, regions.FindAll(r => r.Length > 0), organization);
            }
        }

        private static string Describe(JsonValueKind kind)
        {
            switch (kind)
            {
                case JsonValueKind.Object: return "an object";
                case JsonValueKind.Array: return "an array";
                case JsonValueKind.String: return "a string";
                case JsonValueKind.Number: return "a number";
                case JsonValueKind.True:
                case JsonValueKind.False: return "a boolean";
                default: return "null";
            }
        }
    }

    /// <summary>A StratusScan config file that cannot be used; the message names the file and the problem.</summary>
    public sealed class ConfigFileException : Exception
    {
        public ConfigFileException(string path, string problem, Exception? inner = null)
            : base("The StratusScan config file '" + path + "' cannot be used: " + problem + " Fix the file, or pass -ConfigPath to use another one.", inner)
        {
            ConfigPath = path;
        }

        public string ConfigPath { get; }
    }
}
