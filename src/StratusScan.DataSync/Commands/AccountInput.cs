using System;
using System.Collections;
using System.ComponentModel;
using System.Management.Automation;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// One account piped into a scanning cmdlet, as its hidden -AccountInput parameter (an array) binds it: an account
    /// object is any object, not a string, with an AccountId property and none of the DataSync ARN properties (TaskArn,
    /// LocationArn, AgentArn, TaskExecutionArn). So Get-SSOrganizationAccount's objects, Import-Csv rows of an account
    /// list and [pscustomobject]@{AccountId=...} are accounts, while a task, location, agent or execution (which carry an
    /// AccountId too) never is. A batch (a collection piped as one object) binds when every item is an account.
    /// </summary>
    /// <remarks>
    /// PowerShell binds a pipeline object to every parameter that can take it, and offers it to a string[] ARN parameter
    /// with coercion (an account would arrive as its text). This type has no public constructor and its converter
    /// refuses anything that is not an account, so for every other object the binder skips -AccountInput silently and
    /// binds exactly as before; for an account the cmdlet sees the object itself (its Name and State included) and
    /// ignores the ARN parameter's coerced text. The parameter is an array because the binder gives a collection to a
    /// scalar parameter only when it holds one item; for an array it converts item by item.
    /// </remarks>
    [TypeConverter(typeof(AccountInputConverter))]
    public sealed class AccountInput
    {
        /// <summary>The properties that make an object a DataSync resource rather than an account.</summary>
        private static readonly string[] ResourceArnProperties = { "TaskArn", "LocationArn", "AgentArn", "TaskExecutionArn" };

        private AccountInput(PSObject account) => Account = account;

        /// <summary>The account object (a PSCustomObject's properties live on its PSObject).</summary>
        internal PSObject Account { get; }

        public override string ToString() => "account " + ValueOf(Account, "AccountId");

        /// <summary>The account of <paramref name="value"/>; null when it is not an account object.</summary>
        internal static AccountInput? From(object? value)
        {
            if (value is null) return null;
            var ps = value as PSObject ?? PSObject.AsPSObject(value);
            var item = ps.BaseObject;
            if (item is string || item is IEnumerable || item.GetType().IsPrimitive) return null;
            if (ps.Properties["AccountId"] is null) return null;
            foreach (var name in ResourceArnProperties)
            {
                if (ps.Properties[name] != null) return null;
            }

            return new AccountInput(ps);
        }

        /// <summary>The text of a property of an account object, trimmed; null when it has none or a blank one.</summary>
        internal static string? ValueOf(PSObject account, string property)
        {
            var value = account.Properties[property]?.Value;
            var text = (value is PSObject wrapped ? wrapped.BaseObject : value)?.ToString()?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }
    }

    /// <summary>Converts an account object to <see cref="AccountInput"/>; refuses everything else.</summary>
    public sealed class AccountInputConverter : PSTypeConverter
    {
        public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
            destinationType == typeof(AccountInput) && AccountInput.From(sourceValue) != null;

        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            AccountInput.From(sourceValue) ?? throw new PSInvalidCastException("Only objects with an AccountId property and no DataSync ARN property are accounts.");

        public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            throw new PSInvalidCastException("An AccountInput converts to nothing else.");
    }
}
