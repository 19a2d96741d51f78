using System;
using System.Management.Automation;
using StratusScan.DataSync.Aws;

namespace StratusScan.DataSync.Commands
{
    /// <summary>Who is scanning: shared by Export-SSDataSyncReport and Export-SSDataSyncInventory.</summary>
    public abstract partial class DataSyncCmdletBase
    {
        /// <summary>
        /// sts:GetCallerIdentity in <paramref name="region"/>: the caller's account and ARN (for the report's or the
        /// inventory file's scope and header). Missing or rejected credentials and an unreachable STS endpoint are
        /// terminating errors naming what to check.
        /// </summary>
        internal CallerIdentity IdentifyCaller(AwsSession session, PipelinePump pump, string region)
        {
            try
            {
                return pump.RunStoppable(this, CancellationToken, () => session.GetCallerIdentityAsync(region, CancellationToken));
            }
            catch (AwsCredentialsNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "AwsCredentialsNotFound", ErrorCategory.AuthenticationError, ProfileName));
                throw;
            }
            catch (DataSyncAuthenticationException e)
            {
                ThrowAuthenticationError(session, e.ErrorCode, region, "sts", e);
                throw;
            }
            catch (DataSyncServiceException e)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                    "Could not identify the account (sts:GetCallerIdentity in " + region + " failed: " + e.ErrorCode + "). Check the credentials; " + e.Message, e),
                    "CallerIdentityFailed", e is DataSyncAccessDeniedException ? ErrorCategory.PermissionDenied : ErrorCategory.AuthenticationError, region));
                throw;
            }
            catch (AwsNetworkException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "StsEndpointUnreachable", ErrorCategory.ConnectionError, region));
                throw;
            }
        }
    }
}
