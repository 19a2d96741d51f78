using System;
using System.Collections.Generic;
using System.Threading;
using StratusScan.DataSync.Aws;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>What every part of one account's scan shares: the request, the account's place, its Regions and the user's token.</summary>
    internal sealed class AccountScanContext
    {
        public AccountScanContext(ScanRequest request, ScanOutput output, AccountRole? role, int index, int count, IReadOnlyList<string> regions, CancellationToken userToken)
        {
            Request = request;
            Output = output;
            Role = role;
            AccountIndex = index;
            AccountCount = count;
            Regions = regions;
            UserToken = userToken;
        }

        public ScanRequest Request { get; }

        /// <summary>Where every object of the scan goes, and how its account is named.</summary>
        public ScanOutput Output { get; }

        /// <summary>The role assumed; null for the credentials' own account.</summary>
        public AccountRole? Role { get; }

        /// <summary>The account id (empty for the credentials' own account, which a scan does not look up).</summary>
        public string AccountId => Role?.AccountId ?? string.Empty;

        public int AccountIndex { get; }
        public int AccountCount { get; }
        public IReadOnlyList<string> Regions { get; }

        /// <summary>Cancelled by the user (Ctrl+C): ends the whole scan.</summary>
        public CancellationToken UserToken { get; }
    }

    /// <summary>The sink every object of a scan is handed to, and the one naming rule for its account.</summary>
    internal sealed class ScanOutput
    {
        public ScanOutput(IScanSink sink, AccountNames names)
        {
            Sink = sink;
            Names = names;
        }

        public IScanSink Sink { get; }
        public AccountNames Names { get; }
    }

    /// <summary>
    /// What every part of one Region's scan shares: the account's context, the Region's client and place, and the
    /// token that abandons the Region (a Region not enabled) without cancelling the rest of the scan.
    /// </summary>
    internal sealed class RegionScanContext : IDisposable
    {
        private readonly CancellationTokenSource _regionAbort;
        private IDataSyncClient? _client;

        public RegionScanContext(AccountScanContext account, IDataSyncClient client, int regionIndex)
        {
            Account = account;
            _client = client;
            RegionIndex = regionIndex;
            Region = account.Regions[regionIndex];
            _regionAbort = CancellationTokenSource.CreateLinkedTokenSource(account.UserToken);
        }

        public AccountScanContext Account { get; }
        public ScanRequest Request => Account.Request;
        public string AccountId => Account.AccountId;
        /// <summary>The Region's client; let go when the Region's scan ends, so its account's clients and credentials can be collected.</summary>
        public IDataSyncClient Client => Volatile.Read(ref _client) ?? throw new ObjectDisposedException(nameof(RegionScanContext), "The scan of " + Region + " has ended.");
        public string Region { get; }
        public int RegionIndex { get; }
        public int RegionCount => Account.Regions.Count;
        public CancellationToken UserToken => Account.UserToken;

        /// <summary>Every call of the Region runs with this token: the user's, or the Region abandoned.</summary>
        public CancellationToken Token => _regionAbort.Token;

        /// <summary>Stops every call of the Region (the others go on).</summary>
        public void Abandon()
        {
            try { _regionAbort.Cancel(); } catch (ObjectDisposedException) { }
        }

        /// <summary>Whether an ARN given belongs here: this Region, and organisation-wide this account.</summary>
        public bool InThisRegion(string arn)
        {
            var parsed = AwsArn.TryParse(arn);
            return string.Equals(parsed?.Region, Region, StringComparison.Ordinal)
                && (AccountId.Length == 0 || string.Equals(parsed!.AccountId, AccountId, StringComparison.Ordinal));
        }

        /// <summary>The account of a DataSync ARN (every DataSync ARN names it).</summary>
        public static string AccountOf(string? arn) => AwsArn.TryParse(arn)?.AccountId ?? string.Empty;

        public void Dispose()
        {
            Volatile.Write(ref _client, null);
            _regionAbort.Dispose();
        }
    }
}
