using System;
using System.Globalization;
using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>A scan's issues as PowerShell records: a non-terminating error each (a Region not enabled: a warning).</summary>
    public abstract partial class DataSyncCmdletBase
    {
        internal void WriteIssue(ScanIssue issue)
        {
            var where = issue.AccountId.Length == 0 ? issue.Region : "account " + issue.AccountId + ", " + issue.Region;
            if (issue.Kind == ScanIssueKind.RegionNotEnabled)
            {
                WriteWarning(issue.Message + " Skipping " + where + "; the other Regions are scanned.");
                return;
            }

            string message, errorId, action;
            if (issue.Service == "sts")
            {
                // The account's role could not be assumed: the whole account is missing.
                message = string.Format(CultureInfo.InvariantCulture,
                    "Account {0} is not scanned: {1}{2} failed ({3}). {4} Missing: {5}. The other accounts are scanned.",
                    issue.AccountId, issue.IamAction, issue.Target is null ? string.Empty : " on " + issue.Target, issue.ErrorCode ?? issue.Kind.ToString(), issue.Message, issue.MissingData);
                errorId = issue.Kind == ScanIssueKind.AccessDenied ? "AssumeRoleDenied" : "AssumeRoleFailed";
                action = "Check that the role exists in account " + issue.AccountId + ", that its trust policy trusts the caller (and names the -ExternalId you give), and that the caller may perform sts:AssumeRole on it.";
            }
            else if (issue.Kind == ScanIssueKind.AccessDenied)
            {
                message = string.Format(CultureInfo.InvariantCulture,
                    "Access denied in {0}: the caller may not perform {1}{2}. Missing: {3}. Grant {1} (the policy in about_StratusScan.DataSync lists every action the scan needs); the scan goes on. AWS said: {4}",
                    where, issue.IamAction, issue.Target is null ? string.Empty : " on " + issue.Target, issue.MissingData, issue.Message);
                errorId = ErrorIdOf(issue.Kind);
                action = "Grant " + issue.IamAction + " to the " + (issue.AccountId.Length == 0 ? "caller." : "role assumed in account " + issue.AccountId + ".");
            }
            else
            {
                message = string.Format(CultureInfo.InvariantCulture,
                    "{0} failed in {1}{2}: {3}. Missing: {4}. The scan goes on.",
                    issue.IamAction, where, issue.Target is null ? string.Empty : " for " + issue.Target, issue.Message, issue.MissingData);
                errorId = ErrorIdOf(issue.Kind);
                action = "Run again; if it persists, check the Region's service health.";
            }

            var exception = new InvalidOperationException(message);
            WriteError(new ErrorRecord(exception, errorId, CategoryOf(issue.Kind), (object?)issue.Target ?? issue.Region)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
            });
        }

        internal static string ErrorIdOf(ScanIssueKind kind)
        {
            switch (kind)
            {
                case ScanIssueKind.AccessDenied: return "DataSyncAccessDenied";
                case ScanIssueKind.RegionNotEnabled: return "DataSyncRegionNotEnabled";
                case ScanIssueKind.Throttled: return "DataSyncThrottled";
                case ScanIssueKind.Network: return "DataSyncEndpointUnreachable";
                default: return "DataSyncServiceError";
            }
        }

        internal static ErrorCategory CategoryOf(ScanIssueKind kind)
        {
            switch (kind)
            {
                case ScanIssueKind.AccessDenied: return ErrorCategory.PermissionDenied;
                case ScanIssueKind.RegionNotEnabled: return ErrorCategory.NotEnabled;
                case ScanIssueKind.Throttled: return ErrorCategory.LimitsExceeded;
                case ScanIssueKind.Network: return ErrorCategory.ConnectionError;
                default: return ErrorCategory.InvalidResult;
            }
        }
    }
}
