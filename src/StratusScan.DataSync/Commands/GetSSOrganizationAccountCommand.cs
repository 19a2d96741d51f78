using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the accounts of the AWS organisation (or of one OU and the OUs below it), with
    /// the path of the OU each sits in, to pipe into the scanning cmdlets (or give to their -AccountId).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SSOrganizationAccount")]
    [OutputType(typeof(OrganizationAccount))]
    public sealed class GetSSOrganizationAccountCommand : AwsCmdletBase
    {
        /// <summary>Only the accounts of this OU (ou-…, or a root r-…) and of every OU below it.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? OrganizationalUnitId { get; set; }

        /// <summary>Only accounts in these states (default ACTIVE); All for every state.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateSet(OrganizationAccountStates.Active, OrganizationAccountStates.Suspended, OrganizationAccountStates.PendingClosure,
            OrganizationAccountStates.Closed, OrganizationAccountStates.All, IgnoreCase = true)]
        public string[] State { get; set; } = { OrganizationAccountStates.Active };

        protected override void ProcessRecord()
        {
            var pump = new PipelinePump();
            using AwsSession session = OpenSession(pump);
            string? partitionRegion = Region?.FirstOrDefault(r => !string.Equals(r, "all", StringComparison.OrdinalIgnoreCase)) ?? DefaultRegionOf(session);
            var client = session.GetOrganizationsClient(partitionRegion);
            IReadOnlyList<OrganizationAccount> accounts;
            try
            {
                accounts = pump.RunStoppable(this, CancellationToken,
                    () => OrganizationAccountDiscovery.ListAsync(client, OrganizationalUnitId, State, CancellationToken));
            }
            catch (OrganizationalUnitNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "OrganizationalUnitNotFound", ErrorCategory.ObjectNotFound, e.OrganizationalUnitId));
                throw;
            }
            catch (OrganizationsNotInUseException e)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                    "The account of these credentials is not in an AWS organisation (AWSOrganizationsNotInUseException). Run " +
                    "Get-SSOrganizationAccount with the credentials of the organisation's management account or of a delegated " +
                    "administrator; to scan single accounts, give their ids to -AccountId of the scanning cmdlets instead.", e),
                    "OrganizationNotInUse", ErrorCategory.InvalidOperation, client.Region));
                throw;
            }
            catch (DataSyncAccessDeniedException e)
            {
                ThrowTerminatingError(new ErrorRecord(new UnauthorizedAccessException(
                    $"Access denied to {e.IamAction} ({e.ErrorCode}). Only the organisation's management account or a delegated " +
                    "administrator may list its accounts, and its policy must allow organizations:ListRoots, " +
                    "organizations:ListOrganizationalUnitsForParent, organizations:ListAccountsForParent, organizations:ListAccounts " +
                    "and organizations:DescribeOrganization. A member account gets this error: use the management account's " +
                    "credentials or a role there (-ProfileName).", e),
                    "OrganizationsAccessDenied", ErrorCategory.PermissionDenied, client.Region));
                throw;
            }
            catch (DataSyncAuthenticationException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "AwsAuthenticationFailed", ErrorCategory.AuthenticationError, client.Region));
                throw;
            }
            catch (DataSyncServiceException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "OrganizationsServiceError", ErrorCategory.InvalidResult, client.Region));
                throw;
            }
            catch (AwsNetworkException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "OrganizationsEndpointUnreachable", ErrorCategory.ConnectionError, client.Region));
                throw;
            }
            catch (AwsCredentialsNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "AwsCredentialsNotFound", ErrorCategory.AuthenticationError, ProfileName));
                throw;
            }

            WriteObject(accounts, enumerateCollection: true);
        }
    }
}
