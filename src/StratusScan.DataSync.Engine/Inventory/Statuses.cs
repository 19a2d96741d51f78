using System.Collections.Generic;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>The states of a DataSync task (its Status), in the order the Summary counts them.</summary>
    public static class TaskStatuses
    {
        public const string Available = "AVAILABLE";
        public const string Creating = "CREATING";
        public const string Queued = "QUEUED";
        public const string Running = "RUNNING";
        public const string Unavailable = "UNAVAILABLE";

        public static IReadOnlyList<string> All { get; } = new[] { Available, Creating, Queued, Running, Unavailable };
    }

    /// <summary>The states of a DataSync agent, in the order the Summary counts them.</summary>
    public static class AgentStatuses
    {
        public const string Online = "ONLINE";
        public const string Offline = "OFFLINE";

        public static IReadOnlyList<string> All { get; } = new[] { Online, Offline };
    }

    /// <summary>The states of a DataSync task execution.</summary>
    public static class ExecutionStatuses
    {
        public const string Queued = "QUEUED";
        public const string Cancelling = "CANCELLING";
        public const string Launching = "LAUNCHING";
        public const string Preparing = "PREPARING";
        public const string Transferring = "TRANSFERRING";
        public const string Verifying = "VERIFYING";
        public const string Success = "SUCCESS";
        public const string Error = "ERROR";

        public static IReadOnlyList<string> All { get; } = new[] { Queued, Cancelling, Launching, Preparing, Transferring, Verifying, Success, Error };

        /// <summary>The states the Summary counts as "In Progress" (a cancelling execution is not among them).</summary>
        public static IReadOnlyList<string> InProgress { get; } = new[] { Queued, Launching, Preparing, Transferring, Verifying };
    }
}
