using System;
using System.Globalization;
using System.Management.Automation;
using System.Linq;
using StratusScan.DataSync.Aws;
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

            if (issue.Kind == ScanIssueKind.Authentication && issue.AccountId.Length == 0)
            {
                return; // the credentials were rejected: the scan ends with one terminating AuthenticationError
            }

            if (issue.Kind == ScanIssueKind.NotFound)
            {
                var notFound = new ItemNotFoundException(issue.Message);
                WriteError(new ErrorRecord(notFound, ErrorIdOf(issue.Kind), ErrorCategory.ObjectNotFound, issue.Target)
                {
                    ErrorDetails = new ErrorDetails(issue.Message) { RecommendedAction = "Check the ARN, its account and its Region; the other objects are returned." },
                });
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
                action = issue.Message.IndexOf("maximum session duration", StringComparison.Ordinal) >= 0
                    ? "Give a -DurationSeconds no longer than the role's maximum session duration (IAM: the role's MaxSessionDuration), or raise it with aws iam update-role --max-session-duration."
                    : "Check that the role exists in account " + issue.AccountId + ", that its trust policy trusts the caller (and names the -ExternalId you give), and that the caller may perform sts:AssumeRole on it.";
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

            message = Tidy(message);
            var exception = new InvalidOperationException(message);
            WriteError(new ErrorRecord(exception, errorId, CategoryOf(issue.Kind), (object?)issue.Target ?? issue.Region)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
            });
        }

        /// <summary>Credentials AWS rejected: the terminating AuthenticationError naming the access key id and what to check.</summary>
        internal void ThrowAuthenticationError(AwsSession session, string errorCode, string region, string service, Exception inner)
        {
            var message = ScanAuthenticationException.Describe(errorCode, region, service, session.TryGetAccessKeyId(), out var action);
            ThrowTerminatingError(new ErrorRecord(new System.Security.Authentication.AuthenticationException(message, inner), "AwsAuthenticationFailed", ErrorCategory.AuthenticationError, region)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
            });
        }

        /// <summary>
        /// Every Region answered "not enabled" (UnrecognizedClientException in opt-in Regions): that is the Regions
        /// only if the credentials work elsewhere, which sts:GetCallerIdentity in the partition's first Region shows.
        /// </summary>
        internal void CheckCredentialsWorkElsewhere(AwsSession session, PipelinePump pump, ScanFailedException failure)
        {
            if (failure.AllAccounts || failure.Issues.Count == 0 || failure.Issues.Any(i => i.Kind != ScanIssueKind.RegionNotEnabled)) return;
            var region = Regions.Partitions.DefaultRegion(Regions.Partitions.OfRegion(failure.Issues[0].Region));
            try
            {
                pump.RunStoppable(this, CancellationToken, () => session.GetCallerIdentityAsync(region, CancellationToken));
            }
            catch (DataSyncAuthenticationException e)
            {
                ThrowAuthenticationError(session, e.ErrorCode, region, "sts", e);
            }
            catch (DataSyncServiceException)
            {
                // STS answered otherwise (for example access denied): the credentials are known, so the Regions are not enabled.
            }
            catch (AwsNetworkException)
            {
                // STS cannot be reached: nothing more is known than the Regions' answer.
            }
        }

        /// <summary>A message put together from parts that end in their own full stop: no ".." left (an ellipsis stays).</summary>
        internal static string Tidy(string message) =>
            System.Text.RegularExpressions.Regex.Replace(message, @"(?<!\.)\.\s*\.(?!\.)", ".");

        internal static string ErrorIdOf(ScanIssueKind kind)
        {
            switch (kind)
            {
                case ScanIssueKind.AccessDenied: return "DataSyncAccessDenied";
                case ScanIssueKind.RegionNotEnabled: return "DataSyncRegionNotEnabled";
                case ScanIssueKind.Throttled: return "DataSyncThrottled";
                case ScanIssueKind.Network: return "DataSyncEndpointUnreachable";
                case ScanIssueKind.NotFound: return "DataSyncResourceNotFound";
                case ScanIssueKind.Authentication: return "AwsAuthenticationFailed";
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
                case ScanIssueKind.NotFound: return ErrorCategory.ObjectNotFound;
                case ScanIssueKind.Authentication: return ErrorCategory.AuthenticationError;
                default: return ErrorCategory.InvalidResult;
            }
        }
    }
}
