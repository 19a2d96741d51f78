using System.Collections.Generic;
using System.Globalization;
using System.Xml;

namespace StratusScan.DataSync.Report
{
    internal enum ChartKind
    {
        Pie,
        Bar,
        StackedColumn,
        Column,
    }

    /// <summary>A series: its name, the Summary range of its values (with the values, cached) and its colour.</summary>
    internal sealed class ChartSeries
    {
        public ChartSeries(string name, string valuesRef, IReadOnlyList<double> values, string color)
        {
            Name = name;
            ValuesRef = valuesRef;
            Values = values;
            Color = color;
        }

        public string Name { get; }
        public string ValuesRef { get; }
        public IReadOnlyList<double> Values { get; }

        /// <summary>RRGGBB; every series gets one (with no theme part some readers draw nothing otherwise).</summary>
        public string Color { get; }
    }

    /// <summary>A native chart over ranges of the Summary sheet.</summary>
    internal sealed class ChartSpec
    {
        public string Title { get; set; } = string.Empty;
        public ChartKind Kind { get; set; }
        public string CategoriesRef { get; set; } = string.Empty;

        /// <summary>Category texts, or null when <see cref="DateCategories"/> holds dates (as OLE automation days).</summary>
        public IReadOnlyList<string>? TextCategories { get; set; }
        public IReadOnlyList<double>? DateCategories { get; set; }
        public List<ChartSeries> Series { get; } = new List<ChartSeries>();

        /// <summary>Number format of the value axis.</summary>
        public string ValueFormat { get; set; } = "General";

        /// <summary>Pie slice colours, one per category.</summary>
        public IReadOnlyList<string>? PointColors { get; set; }
    }

    /// <summary>Writes chart and drawing parts as DrawingML (c: and xdr: namespaces) with a plain XmlWriter.</summary>
    internal static class ChartXml
    {
        public const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        public const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
        public const string Xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

        private const string CategoryAxisId = "500100001";
        private const string ValueAxisId = "500100002";

        public static void WriteChart(XmlWriter x, ChartSpec spec)
        {
            x.WriteStartElement("c", "chartSpace", C);
            x.WriteAttributeString("xmlns", "a", null, A);
            x.WriteAttributeString("xmlns", "r", null, XlsxPackage.RelationshipsNs);
            Val(x, "roundedCorners", "0");
            x.WriteStartElement("chart", C);
            Title(x, spec.Title);
            Val(x, "autoTitleDeleted", "0");
            x.WriteStartElement("plotArea", C);
            x.WriteElementString("layout", C, string.Empty);

            switch (spec.Kind)
            {
                case ChartKind.Pie:
                    x.WriteStartElement("pieChart", C);
                    Val(x, "varyColors", "1");
                    foreach (var (series, index) in Indexed(spec.Series)) Series(x, spec, series, index);
                    Val(x, "firstSliceAng", "0");
                    x.WriteEndElement();
                    break;
                default:
                    bool horizontal = spec.Kind == ChartKind.Bar;
                    bool stacked = spec.Kind == ChartKind.StackedColumn;
                    x.WriteStartElement("barChart", C);
                    Val(x, "barDir", horizontal ? "bar" : "col");
                    Val(x, "grouping", stacked ? "stacked" : "clustered");
                    Val(x, "varyColors", "0");
                    foreach (var (series, index) in Indexed(spec.Series)) Series(x, spec, series, index);
                    Val(x, "gapWidth", stacked ? "50" : "80");
                    if (stacked) Val(x, "overlap", "100");
                    Val(x, "axId", CategoryAxisId);
                    Val(x, "axId", ValueAxisId);
                    x.WriteEndElement();
                    CategoryAxis(x, horizontal ? "l" : "b", spec.DateCategories != null);
                    ValueAxis(x, horizontal ? "b" : "l", spec.ValueFormat);
                    break;
            }

            x.WriteEndElement(); // plotArea
            x.WriteStartElement("legend", C);
            Val(x, "legendPos", spec.Kind == ChartKind.Pie ? "r" : "b");
            Val(x, "overlay", "0");
            x.WriteEndElement();
            Val(x, "plotVisOnly", "1");
            Val(x, "dispBlanksAs", "gap");
            x.WriteEndElement(); // chart
            x.WriteEndElement(); // chartSpace
        }

        private static IEnumerable<(ChartSeries, int)> Indexed(List<ChartSeries> series)
        {
            for (int i = 0; i < series.Count; i++) yield return (series[i], i);
        }

        private static void Series(XmlWriter x, ChartSpec spec, ChartSeries series, int index)
        {
            string number = index.ToString(CultureInfo.InvariantCulture);
            x.WriteStartElement("ser", C);
            Val(x, "idx", number);
            Val(x, "order", number);
            x.WriteStartElement("tx", C);
            x.WriteElementString("v", C, series.Name);
            x.WriteEndElement();
            SolidFill(x, series.Color);
            if (spec.Kind == ChartKind.Pie)
            {
                var colors = spec.PointColors ?? new string[0];
                for (int p = 0; p < colors.Count; p++)
                {
                    x.WriteStartElement("dPt", C);
                    Val(x, "idx", p.ToString(CultureInfo.InvariantCulture));
                    Val(x, "bubble3D", "0");
                    SolidFill(x, colors[p]);
                    x.WriteEndElement();
                }

                x.WriteStartElement("dLbls", C);
                Val(x, "showLegendKey", "0");
                Val(x, "showVal", "1");
                Val(x, "showCatName", "0");
                Val(x, "showSerName", "0");
                Val(x, "showPercent", "0");
                Val(x, "showBubbleSize", "0");
                Val(x, "showLeaderLines", "1");
                x.WriteEndElement();
            }
            else
            {
                Val(x, "invertIfNegative", "0");
            }

            x.WriteStartElement("cat", C);
            if (spec.DateCategories != null)
            {
                NumberReference(x, spec.CategoriesRef, spec.DateCategories, Styles.DateFormat);
            }
            else
            {
                var texts = spec.TextCategories ?? new string[0];
                x.WriteStartElement("strRef", C);
                x.WriteElementString("f", C, spec.CategoriesRef);
                x.WriteStartElement("strCache", C);
                Val(x, "ptCount", texts.Count.ToString(CultureInfo.InvariantCulture));
                for (int i = 0; i < texts.Count; i++)
                {
                    x.WriteStartElement("pt", C);
                    x.WriteAttributeString("idx", i.ToString(CultureInfo.InvariantCulture));
                    x.WriteElementString("v", C, CellText.StripInvalid(texts[i]));
                    x.WriteEndElement();
                }

                x.WriteEndElement();
                x.WriteEndElement();
            }

            x.WriteEndElement(); // cat
            x.WriteStartElement("val", C);
            NumberReference(x, series.ValuesRef, series.Values, "General");
            x.WriteEndElement();
            x.WriteEndElement(); // ser
        }

        private static void NumberReference(XmlWriter x, string reference, IReadOnlyList<double> values, string format)
        {
            x.WriteStartElement("numRef", C);
            x.WriteElementString("f", C, reference);
            x.WriteStartElement("numCache", C);
            x.WriteElementString("formatCode", C, format);
            Val(x, "ptCount", values.Count.ToString(CultureInfo.InvariantCulture));
            for (int i = 0; i < values.Count; i++)
            {
                x.WriteStartElement("pt", C);
                x.WriteAttributeString("idx", i.ToString(CultureInfo.InvariantCulture));
                x.WriteElementString("v", C, values[i].ToString("R", CultureInfo.InvariantCulture));
                x.WriteEndElement();
            }

            x.WriteEndElement();
            x.WriteEndElement();
        }

        private static void CategoryAxis(XmlWriter x, string position, bool dates)
        {
            x.WriteStartElement("catAx", C);
            Val(x, "axId", CategoryAxisId);
            Scaling(x);
            Val(x, "delete", "0");
            Val(x, "axPos", position);
            if (dates) NumberFormat(x, "mm-dd");
            Val(x, "majorTickMark", "out");
            Val(x, "minorTickMark", "none");
            Val(x, "tickLblPos", "nextTo");
            Val(x, "crossAx", ValueAxisId);
            Val(x, "crosses", "autoZero");
            Val(x, "auto", "1");
            Val(x, "lblAlgn", "ctr");
            Val(x, "lblOffset", "100");
            Val(x, "noMultiLvlLbl", "0");
            x.WriteEndElement();
        }

        private static void ValueAxis(XmlWriter x, string position, string format)
        {
            x.WriteStartElement("valAx", C);
            Val(x, "axId", ValueAxisId);
            Scaling(x);
            Val(x, "delete", "0");
            Val(x, "axPos", position);
            x.WriteElementString("majorGridlines", C, string.Empty);
            NumberFormat(x, format);
            Val(x, "majorTickMark", "out");
            Val(x, "minorTickMark", "none");
            Val(x, "tickLblPos", "nextTo");
            Val(x, "crossAx", CategoryAxisId);
            Val(x, "crosses", "autoZero");
            Val(x, "crossBetween", "between");
            x.WriteEndElement();
        }

        private static void Scaling(XmlWriter x)
        {
            x.WriteStartElement("scaling", C);
            Val(x, "orientation", "minMax");
            x.WriteEndElement();
        }

        private static void NumberFormat(XmlWriter x, string format)
        {
            x.WriteStartElement("numFmt", C);
            x.WriteAttributeString("formatCode", format);
            x.WriteAttributeString("sourceLinked", "0");
            x.WriteEndElement();
        }

        private static void Title(XmlWriter x, string text)
        {
            x.WriteStartElement("title", C);
            x.WriteStartElement("tx", C);
            x.WriteStartElement("rich", C);
            x.WriteElementString("bodyPr", A, string.Empty);
            x.WriteElementString("lstStyle", A, string.Empty);
            x.WriteStartElement("p", A);
            x.WriteStartElement("pPr", A);
            x.WriteStartElement("defRPr", A);
            x.WriteAttributeString("sz", "1200");
            x.WriteAttributeString("b", "1");
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteStartElement("r", A);
            x.WriteStartElement("rPr", A);
            x.WriteAttributeString("lang", "en-US");
            x.WriteAttributeString("sz", "1200");
            x.WriteAttributeString("b", "1");
            x.WriteEndElement();
            x.WriteElementString("t", A, text);
            x.WriteEndElement();
            x.WriteEndElement(); // p
            x.WriteEndElement(); // rich
            x.WriteEndElement(); // tx
            Val(x, "overlay", "0");
            x.WriteEndElement();
        }

        private static void SolidFill(XmlWriter x, string color)
        {
            x.WriteStartElement("spPr", C);
            x.WriteStartElement("solidFill", A);
            x.WriteStartElement("srgbClr", A);
            x.WriteAttributeString("val", color);
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
        }

        private static void Val(XmlWriter x, string name, string value)
        {
            x.WriteStartElement(name, C);
            x.WriteAttributeString("val", value);
            x.WriteEndElement();
        }

        /// <summary>A cell-anchored frame for each chart: (first column, first row, last column, last row), zero-based.</summary>
        public static void WriteDrawing(XmlWriter x, IReadOnlyList<(int FromCol, int FromRow, int ToCol, int ToRow)> anchors)
        {
            x.WriteStartElement("xdr", "wsDr", Xdr);
            x.WriteAttributeString("xmlns", "a", null, A);
            for (int i = 0; i < anchors.Count; i++)
            {
                var anchor = anchors[i];
                x.WriteStartElement("twoCellAnchor", Xdr);
                Marker(x, "from", anchor.FromCol, anchor.FromRow);
                Marker(x, "to", anchor.ToCol, anchor.ToRow);
                x.WriteStartElement("graphicFrame", Xdr);
                x.WriteAttributeString("macro", string.Empty);
                x.WriteStartElement("nvGraphicFramePr", Xdr);
                x.WriteStartElement("cNvPr", Xdr);
                x.WriteAttributeString("id", (i + 2).ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("name", "Chart " + (i + 1).ToString(CultureInfo.InvariantCulture));
                x.WriteEndElement();
                x.WriteElementString("cNvGraphicFramePr", Xdr, string.Empty);
                x.WriteEndElement();
                x.WriteStartElement("xfrm", Xdr);
                x.WriteStartElement("off", A);
                x.WriteAttributeString("x", "0");
                x.WriteAttributeString("y", "0");
                x.WriteEndElement();
                x.WriteStartElement("ext", A);
                x.WriteAttributeString("cx", "0");
                x.WriteAttributeString("cy", "0");
                x.WriteEndElement();
                x.WriteEndElement();
                x.WriteStartElement("graphic", A);
                x.WriteStartElement("graphicData", A);
                x.WriteAttributeString("uri", C);
                x.WriteStartElement("c", "chart", C);
                x.WriteAttributeString("xmlns", "r", null, XlsxPackage.RelationshipsNs);
                x.WriteAttributeString("r", "id", XlsxPackage.RelationshipsNs, "rId" + (i + 1).ToString(CultureInfo.InvariantCulture));
                x.WriteEndElement();
                x.WriteEndElement();
                x.WriteEndElement();
                x.WriteEndElement(); // graphicFrame
                x.WriteElementString("clientData", Xdr, string.Empty);
                x.WriteEndElement(); // twoCellAnchor
            }

            x.WriteEndElement();
        }

        private static void Marker(XmlWriter x, string name, int column, int row)
        {
            x.WriteStartElement(name, Xdr);
            x.WriteElementString("col", Xdr, column.ToString(CultureInfo.InvariantCulture));
            x.WriteElementString("colOff", Xdr, "0");
            x.WriteElementString("row", Xdr, row.ToString(CultureInfo.InvariantCulture));
            x.WriteElementString("rowOff", Xdr, "0");
            x.WriteEndElement();
        }
    }
}
