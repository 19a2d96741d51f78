using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace StratusScan.DataSync.ApiGenerator
{
    /// <summary>C# text with four-space indentation, '\n' line ends and XML doc comments.</summary>
    internal sealed class CodeWriter
    {
        private const int DocWidth = 110;
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public CodeWriter Line(string line = "")
        {
            if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
            _text.Append('\n');
            return this;
        }

        public CodeWriter Open(string line)
        {
            Line(line).Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string closing = "}")
        {
            _indent--;
            return Line(closing);
        }

        /// <summary>
        /// A summary from paragraphs of XML doc text; nothing when there are none. One short paragraph stays
        /// on one line; several become &lt;para&gt; elements.
        /// </summary>
        public CodeWriter Summary(IReadOnlyList<string> paragraphs)
        {
            if (paragraphs.Count == 0) return this;
            if (paragraphs.Count == 1 && paragraphs[0].Length + "<summary></summary>".Length <= DocWidth)
            {
                return Line("/// <summary>" + paragraphs[0] + "</summary>");
            }
            Line("/// <summary>");
            foreach (string paragraph in paragraphs)
            {
                string text = paragraphs.Count == 1 ? paragraph : "<para>" + paragraph + "</para>";
                foreach (string line in DocText.Wrap(text, DocWidth)) Line("/// " + line);
            }
            return Line("/// </summary>");
        }

        /// <summary>The file's text: the header lines, then the code.</summary>
        public string ToString(IEnumerable<string> header) =>
            string.Concat(header.Select(h => h + "\n")) + _text.ToString();
    }
}
