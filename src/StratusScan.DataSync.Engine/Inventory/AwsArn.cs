using System;
using System.Text.RegularExpressions;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// An Amazon Resource Name split into its parts:
    /// <c>arn:partition:service:region:account-id:resource</c>.
    /// </summary>
    public sealed class AwsArn
    {
        private static readonly Regex DataSyncResource = new Regex(
            @"^arn:(aws|aws-cn|aws-us-gov):datasync:([a-z]{2}(-gov)?-[a-z]+-[0-9]+):([0-9]{12}):(task/task-[0-9a-f]{17}(/execution/exec-[0-9a-f]{17})?|location/loc-[0-9a-z]{17}|agent/agent-[0-9a-z]{17})$",
            RegexOptions.CultureInvariant);

        private AwsArn(string text, string partition, string service, string region, string accountId, string resource)
        {
            Text = text;
            Partition = partition;
            Service = service;
            Region = region;
            AccountId = accountId;
            Resource = resource;
        }

        public string Text { get; }
        public string Partition { get; }
        public string Service { get; }
        public string Region { get; }
        public string AccountId { get; }
        public string Resource { get; }

        /// <summary>task, location, agent or execution, for a DataSync ARN.</summary>
        public string ResourceType =>
            Resource.IndexOf("/execution/", StringComparison.Ordinal) >= 0 ? "execution" : Resource.Split('/')[0];

        public override string ToString() => Text;

        /// <summary>Parses any ARN of the standard six-part form; null when <paramref name="text"/> is not one.</summary>
        public static AwsArn? TryParse(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var parts = text!.Split(new[] { ':' }, 6);
            if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
            {
                return null;
            }

            return new AwsArn(text, parts[1], parts[2], parts[3], parts[4], parts[5]);
        }

        /// <summary>
        /// Parses a DataSync task, execution, location or agent ARN, checking it as the API would
        /// (the patterns of the DataSync API model). Throws <see cref="FormatException"/> with the expected form.
        /// </summary>
        public static AwsArn ParseDataSync(string text, string expectedType)
        {
            var arn = text is null || !DataSyncResource.IsMatch(text) ? null : TryParse(text);
            if (arn is null || arn.ResourceType != expectedType)
            {
                throw new FormatException(string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "'{0}' is not a DataSync {1} ARN. Expected the form {2}.",
                    text, expectedType, Example(expectedType)));
            }

            return arn;
        }

        /// <summary>Builds an ARN for another service in the same partition, Region and account.</summary>
        public static string Build(string partition, string service, string region, string accountId, string resource) =>
            "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;

        private static string Example(string type)
        {
            switch (type)
            {
                case "task": return "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0";
                case "execution": return "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0";
                case "location": return "arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0";
                case "agent": return "arn:aws:datasync:us-east-1:123456789012:agent/agent-0123456789abcdef0";
                default: return "arn:aws:datasync:<region>:<account-id>:<resource>";
            }
        }
    }
}
