using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using System.Runtime.ExceptionServices;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Accepts the location type names of the engine's table (<see cref="LocationType.All"/>, case-insensitive), as a
    /// ValidateSet of those names would: the check and its error are PowerShell's own ValidateSet check and message.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateLocationTypeAttribute : ValidateEnumeratedArgumentsAttribute
    {
        // ValidateSetAttribute is sealed and needs constant values; its (protected) element check is called on an
        // instance built from the table, so the accepted values, the ErrorId and the localized message stay the same.
        private static readonly MethodInfo ValidateSetElement = typeof(ValidateEnumeratedArgumentsAttribute)
            .GetMethod("ValidateElement", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new MissingMethodException(nameof(ValidateEnumeratedArgumentsAttribute), "ValidateElement");

        private readonly ValidateSetAttribute _set = new ValidateSetAttribute(LocationType.All.ToArray()) { IgnoreCase = true };

        /// <summary>The accepted values, in the workbook's order (as <see cref="ValidateSetAttribute.ValidValues"/>).</summary>
        public IList<string> ValidValues => _set.ValidValues;

        protected override void ValidateElement(object element)
        {
            try
            {
                ValidateSetElement.Invoke(_set, new[] { element });
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }
    }

    /// <summary>Completes -LocationType with the location type names, quoted where they hold a space, as for a ValidateSet.</summary>
    public sealed class LocationTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = wordToComplete ?? string.Empty;
            var quote = word.Length > 0 && (word[0] == '\'' || word[0] == '"') ? word.Substring(0, 1) : string.Empty;
            var prefix = word.Trim('\'', '"');
            foreach (var name in LocationType.All.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                var text = quote.Length > 0 ? quote + name + quote : name.IndexOf(' ') >= 0 ? "'" + name + "'" : name;
                var kind = LocationKinds.OfName(name);
                var tip = kind is null ? "A location whose URI scheme this version does not know" : name + " (" + string.Join(", ", kind.Schemes.Select(s => s + "://")) + ")";
                yield return new CompletionResult(text, name, CompletionResultType.ParameterValue, tip);
            }
        }
    }
}
