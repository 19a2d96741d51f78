using System;
using System.Collections.Generic;
using System.Management.Automation;
using StratusScan.DataSync.Configuration;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Accounts piped into a scanning cmdlet. Every account object that arrives (<see cref="AccountInput"/>: an object
    /// with AccountId and no DataSync ARN property, or a batch of them) is gathered in ProcessRecord
    /// (<see cref="TakePipedAccounts"/>), and EndProcessing runs one organisation-wide scan over them, as if -AccountId
    /// had listed them in arrival order, each once (<see cref="PipedAccounts"/>). A task, location, agent or execution
    /// piped in is never an account: its ARN names its account.
    /// </summary>
    public abstract partial class DataSyncCmdletBase
    {
        private readonly PipedAccounts _pipedAccounts = new PipedAccounts();
        private HashSet<string> _givenOnCommandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The account objects piped in, one or a batch. Each scanning cmdlet declares it as its hidden pipeline parameter
        /// (<c>[Parameter(ValueFromPipeline = true, DontShow = true)]</c> on an override, in the parameter sets that scan):
        /// its type's converter refuses anything else, so every other object binds as it did before.
        /// </summary>
        public virtual AccountInput[]? AccountInput { get; set; }

        /// <summary>Whether any account object was piped in (taken or left out).</summary>
        internal bool AccountsPiped => _pipedAccounts.Received;

        /// <summary>The accounts piped in that will be scanned.</summary>
        internal IReadOnlyList<string> PipedAccountIds => _pipedAccounts.AccountIds;

        /// <summary>
        /// Notes the parameters given on the command line: a parameter bound from the pipeline (-AccountId from a task's
        /// AccountId, an ARN parameter from an account's text) keeps its last value after the input ends, so the scan
        /// reads -AccountId only as given. A cmdlet that overrides BeginProcessing must call this base.
        /// </summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _givenOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Whether a parameter was given on the command line (rather than bound from the pipeline or left unset).</summary>
        internal bool GivenOnCommandLine(string parameterName) => _givenOnCommandLine.Contains(parameterName);

        /// <summary>-AccountId as given on the command line; null when it was not.</summary>
        internal IReadOnlyList<string>? AccountIdGiven => GivenOnCommandLine(nameof(AccountId)) ? AccountId : null;

        /// <summary>
        /// Call first in ProcessRecord. Takes the accounts of the current pipeline object (its AccountId, its Name, else
        /// AccountName, and its State; an account that is not ACTIVE is left out with a warning naming it) and returns
        /// true: then the record is an account, and an ARN parameter bound from it holds only its text, to be ignored.
        /// Returns false for every other object.
        /// </summary>
        internal bool TakePipedAccounts()
        {
            var input = AccountInput;
            if (input is null) return false;
            foreach (var item in input)
            {
                var account = item.Account;
                var name = Commands.AccountInput.ValueOf(account, "Name") ?? Commands.AccountInput.ValueOf(account, "AccountName");
                var id = Commands.AccountInput.ValueOf(account, "AccountId");
                if (string.IsNullOrWhiteSpace(id))
                {
                    // Bad input: an error for this record; the other accounts are still scanned.
                    WriteError(new ErrorRecord(new PSArgumentException("An account piped in" + (string.IsNullOrWhiteSpace(name) ? string.Empty : " (" + name + ")")
                        + " has an empty AccountId, so it is not scanned. Give each account's 12-digit id in its AccountId property.", "AccountId"),
                        "PipedAccountWithoutId", ErrorCategory.InvalidData, account));
                    continue;
                }

                var warning = _pipedAccounts.Add(id, name, Commands.AccountInput.ValueOf(account, "State"));
                if (warning != null) WriteWarning(warning);
            }

            return true;
        }

        /// <summary>
        /// The Get cmdlets' ProcessRecord: the accounts of an account object, else the ARNs of the record (a value or an
        /// object's ARN property). ARNs given on the command line are kept whatever is piped.
        /// </summary>
        internal void CollectInput(IEnumerable<string>? arns, string arnParameter)
        {
            if (!TakePipedAccounts() || GivenOnCommandLine(arnParameter)) Collect(arns);
        }

        /// <summary>
        /// Whether accounts were piped in but none of them can be scanned (each was left out with a warning): the
        /// command then scans nothing, as with an empty pipeline, rather than the credentials' own account.
        /// </summary>
        internal bool OnlyAccountsLeftOut => _pipedAccounts.Received && _pipedAccounts.AccountIds.Count == 0;

        /// <summary>
        /// For a cmdlet that writes either a scan or exactly the objects piped in (Export-SSDataSyncReport): call at the
        /// start of EndProcessing with the count of Get-SSDataSync* objects taken. True to go on (no account piped, or
        /// accounts to scan); false, after a warning, when every account piped in was left out (write nothing); a
        /// terminating MixedReportInput when accounts and objects were piped together.
        /// </summary>
        internal bool CheckPipedAccounts(long objectsPiped, string output)
        {
            if (!AccountsPiped) return true;
            if (objectsPiped > 0)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                    "Accounts and " + objectsPiped + " task, location, agent or execution object(s) were piped in together. Pipe accounts (with -RoleName) to scan them, or the objects of the Get-SSDataSync* cmdlets to write exactly those, in separate runs."),
                    "MixedReportInput", ErrorCategory.InvalidArgument, null));
            }

            if (!OnlyAccountsLeftOut) return true;
            WriteWarning("None of the accounts piped in can be scanned, so no " + output + " is written.");
            return false;
        }

        /// <summary>
        /// The account names of the scan: the config's account_mappings, and for an account piped in that the config
        /// does not name, the name it carried (a Get-SSOrganizationAccount object's Name).
        /// </summary>
        internal IReadOnlyDictionary<string, string>? AccountMappingsOf(StratusScanConfig config) =>
            AccountNames.WithCarried(config.AccountMappings, _pipedAccounts.Names);
    }
}
