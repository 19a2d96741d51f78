using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace StratusScan.DataSync.ApiGenerator
{
    /// <summary>
    /// botocore's HTML documentation as XML doc text: block elements (p, li, note, …) become paragraphs
    /// (list items start with "- ", notes with "Note: "), code becomes &lt;c&gt;, an absolute link a
    /// &lt;see href&gt;, every other tag is dropped and its text kept; entities are decoded and the text
    /// escaped for XML.
    /// </summary>
    internal static class DocText
    {
        private static readonly Regex Tag = new Regex("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", RegexOptions.CultureInvariant);
        private static readonly Regex Href = new Regex("href\\s*=\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Spaces = new Regex("\\s+", RegexOptions.CultureInvariant);

        private static readonly HashSet<string> Blocks = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "div", "br", "ul", "ol", "li", "dl", "dt", "dd", "note", "important", "h1", "h2", "h3", "h4", "h5", "h6",
        };

        private static readonly HashSet<string> Prefixes = new HashSet<string>(StringComparer.Ordinal) { "-", "Note:", "Important:" };

        /// <summary>The paragraphs of a documentation string (none for null or empty).</summary>
        public static IReadOnlyList<string> Paragraphs(string? html)
        {
            var paragraphs = new List<string>();
            if (string.IsNullOrWhiteSpace(html)) return paragraphs;

            var current = new StringBuilder();
            var open = new Stack<string>(); // the closing text of each open inline element
            int at = 0;
            foreach (Match tag in Tag.Matches(html))
            {
                current.Append(Escape(html.Substring(at, tag.Index - at)));
                at = tag.Index + tag.Length;
                bool closing = tag.Groups[1].Value.Length > 0;
                string name = tag.Groups[2].Value.ToLowerInvariant();
                if (Blocks.Contains(name))
                {
                    // A list item's or a note's own paragraph keeps its "- " or "Note: " (<li><p>text</p></li>).
                    Flush(current, open, paragraphs, keepPrefix: !closing);
                    if (!closing && name == "li") current.Append("- ");
                    if (!closing && name == "note") current.Append("Note: ");
                    if (!closing && name == "important") current.Append("Important: ");
                }
                else if (name == "code" || name == "a")
                {
                    if (closing)
                    {
                        if (open.Count > 0) current.Append(open.Pop());
                        continue;
                    }
                    string? href = name == "a" ? Href.Match(tag.Groups[3].Value) is { Success: true } m ? m.Groups[1].Value : null : null;
                    if (name == "code")
                    {
                        current.Append("<c>");
                        open.Push("</c>");
                    }
                    else if (href != null && (href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                    {
                        current.Append("<see href=\"").Append(Escape(href).Replace("\"", "&quot;")).Append("\">");
                        open.Push("</see>");
                    }
                    else
                    {
                        open.Push(string.Empty);
                    }
                }
            }
            current.Append(Escape(html.Substring(at)));
            Flush(current, open, paragraphs, keepPrefix: false);
            return paragraphs;
        }

        /// <summary>Lines of at most <paramref name="width"/> characters, broken at spaces (a longer word stays whole).</summary>
        public static IEnumerable<string> Wrap(string text, int width)
        {
            var line = new StringBuilder();
            foreach (string word in text.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            if (line.Length > 0) yield return line.ToString();
        }

        /// <summary>Text for XML: &amp;, &lt; and &gt; escaped.</summary>
        public static string Escape(string text) =>
            WebUtility.HtmlDecode(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        private static void Flush(StringBuilder current, Stack<string> open, List<string> paragraphs, bool keepPrefix)
        {
            // An inline element left open across a block boundary is closed here (the HTML was loose).
            while (open.Count > 0) current.Append(open.Pop());
            string text = Spaces.Replace(current.ToString(), " ").Trim().Replace("<c></c>", string.Empty);
            bool prefixOnly = Prefixes.Contains(text);
            if (prefixOnly && keepPrefix)
            {
                current.Clear().Append(text).Append(' ');
                return;
            }
            current.Clear();
            if (text.Length > 0 && !prefixOnly) paragraphs.Add(text);
        }
    }
}
