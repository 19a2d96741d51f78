using System.Text;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// Makes any .NET string safe as the text of a cell: characters XML 1.0 cannot carry are dropped, text over
    /// Excel's limit is cut with a marker (never between the halves of a surrogate pair), and literal
    /// <c>_xHHHH_</c> sequences are escaped so a reader does not decode them into other characters.
    /// </summary>
    internal static class CellText
    {
        /// <summary>Excel's limit on the characters (UTF-16 units) of one cell.</summary>
        public const int MaxLength = 32767;

        /// <summary>Ends a cut text; the cut text including it is exactly <see cref="MaxLength"/> long.</summary>
        public const string TruncationMarker = " [... truncated: cell text exceeded Excel's 32,767-character limit]";

        /// <summary>The text as a reader shows it: XML-safe and cut to the limit. <paramref name="truncated"/> says whether it was cut.</summary>
        public static string Visible(string text, int maxLength, out bool truncated)
        {
            var clean = StripInvalid(text);
            truncated = clean.Length > maxLength;
            if (!truncated) return clean;

            int keep = maxLength - TruncationMarker.Length;
            if (keep > 0 && char.IsHighSurrogate(clean[keep - 1])) keep--;
            if (keep < 0) keep = 0;
            return clean.Substring(0, keep) + TruncationMarker;
        }

        /// <summary>Whether the text would be read as a formula if typed into a cell.</summary>
        public static bool LooksLikeFormula(string text) =>
            text.Length > 0 && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');

        /// <summary>Whether the text needs xml:space="preserve" on its &lt;t&gt; element.</summary>
        public static bool NeedsPreserve(string text) =>
            text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]));

        /// <summary>Drops characters that XML 1.0 cannot hold: C0 controls but tab/LF/CR, U+FFFE/U+FFFF and lone surrogates.</summary>
        public static string StripInvalid(string text)
        {
            int i = 0;
            for (; i < text.Length; i++)
            {
                if (!IsValidAt(text, i, out bool pair)) break;
                if (pair) i++;
            }

            if (i == text.Length) return text;

            var builder = new StringBuilder(text.Length);
            builder.Append(text, 0, i);
            for (; i < text.Length; i++)
            {
                if (IsValidAt(text, i, out bool pair))
                {
                    builder.Append(text[i]);
                    if (pair)
                    {
                        builder.Append(text[i + 1]);
                        i++;
                    }
                }
            }

            return builder.ToString();
        }

        private static bool IsValidAt(string text, int i, out bool pair)
        {
            pair = false;
            char c = text[i];
            if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
            if (c < 0xD800) return true;
            if (c <= 0xDBFF)
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    pair = true;
                    return true;
                }

                return false;
            }

            if (c <= 0xDFFF) return false;
            return c != 0xFFFE && c != 0xFFFF;
        }

        /// <summary>
        /// Escapes the underscore of every <c>_xHHHH_</c> look-alike as <c>_x005F_</c> (ECMA-376 ST_Xstring), so the
        /// text reads back literally.
        /// </summary>
        public static string EscapeXstring(string text)
        {
            int at = text.IndexOf("_x", System.StringComparison.Ordinal);
            if (at < 0) return text;

            StringBuilder? builder = null;
            int copied = 0;
            for (; at >= 0; at = text.IndexOf("_x", at + 1, System.StringComparison.Ordinal))
            {
                if (!IsEscapeAt(text, at)) continue;
                builder ??= new StringBuilder(text.Length + 16);
                builder.Append(text, copied, at - copied).Append("_x005F");
                copied = at;
            }

            if (builder is null) return text;
            builder.Append(text, copied, text.Length - copied);
            return builder.ToString();
        }

        private static bool IsEscapeAt(string text, int at)
        {
            if (at + 7 > text.Length || text[at + 6] != '_') return false;
            for (int k = at + 2; k < at + 6; k++)
            {
                char c = text[k];
                bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex) return false;
            }

            return true;
        }
    }
}
