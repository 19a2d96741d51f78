using DocumentFormat.OpenXml.Spreadsheet;

namespace StratusScan.DataSync.Report
{
    /// <summary>The workbook's cell formats (indexes into cellXfs) and its one differential format.</summary>
    internal static class Styles
    {
        public const uint Default = 0;
        public const uint Header = 1;
        public const uint DateTime = 2;
        public const uint Duration = 3;
        public const uint Bytes = 4;
        public const uint Integer = 5;
        public const uint QuotedText = 6;
        public const uint Title = 7;
        public const uint Date = 8;

        /// <summary>The dxf of rows needing attention (ERROR, OFFLINE, UNAVAILABLE): dark red text on light red.</summary>
        public const uint AlertDxf = 0;

        public const string DateTimeFormat = "yyyy-mm-dd hh:mm:ss";
        public const string DateFormat = "yyyy-mm-dd";

        // Dates sit on built-in number format ids that are redefined with ISO-like codes. Readers that decide a
        // cell is a date from its format id alone - EPPlus 4.5 (ImportExcel) treats ids 14-22 and 45-47 as dates
        // and every custom id (164 and up) as a number - then return dates; Excel, LibreOffice, openpyxl and
        // ExcelDataReader display the codes below. The headers say the times are UTC.
        public const uint DateTimeFormatId = 22; // built in: m/d/yy h:mm
        public const uint DateFormatId = 14;     // built in: m/d/yyyy
        public const string DurationFormat = "[h]\"h\" mm\"m\"";

        // Each ',' after the digits divides by 1,000: decimal KB/MB/GB with at most two conditions.
        public const string BytesFormat = "[<999950]0.0,\" KB\";[<999950000]0.0,,\" MB\";0.0,,,\" GB\"";

        public static Stylesheet Build()
        {
            var numberingFormats = new NumberingFormats(
                new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat },
                new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = DateTimeFormat },
                new NumberingFormat { NumberFormatId = 165, FormatCode = DurationFormat },
                new NumberingFormat { NumberFormatId = 166, FormatCode = BytesFormat })
            { Count = 4 };

            var fonts = new Fonts(
                Font(11, bold: false),
                Font(11, bold: true),
                Font(14, bold: true))
            { Count = 3 };

            var fills = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 };

            var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };

            var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };

            var cellFormats = new CellFormats(
                Xf(0, 0),                         // Default
                Xf(0, 1, applyFont: true),         // Header
                Xf(DateTimeFormatId, 0, applyNumber: true), // DateTime
                Xf(165, 0, applyNumber: true),     // Duration
                Xf(166, 0, applyNumber: true),     // Bytes
                Xf(3, 0, applyNumber: true),       // Integer (#,##0)
                QuotePrefixed(),                   // QuotedText
                Xf(0, 2, applyFont: true),         // Title
                Xf(DateFormatId, 0, applyNumber: true))     // Date
            { Count = 9 };

            var cellStyles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };

            var alert = new DifferentialFormat(
                new Font(new Color { Rgb = "FF9C0006" }),
                new Fill(new PatternFill(new BackgroundColor { Rgb = "FFFFC7CE" }) { PatternType = PatternValues.Solid }));
            var differentialFormats = new DifferentialFormats(alert) { Count = 1 };

            var tableStyles = new TableStyles { Count = 0, DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" };

            return new Stylesheet(numberingFormats, fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles, differentialFormats, tableStyles);
        }

        private static Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = size });
            font.Append(new FontName { Val = "Calibri" });
            font.Append(new FontFamilyNumbering { Val = 2 });
            return font;
        }

        private static CellFormat Xf(uint numberFormat, uint font, bool applyNumber = false, bool applyFont = false)
        {
            var xf = new CellFormat { NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = 0, FormatId = 0 };
            if (applyNumber) xf.ApplyNumberFormat = true;
            if (applyFont) xf.ApplyFont = true;
            return xf;
        }

        private static CellFormat QuotePrefixed()
        {
            var xf = Xf(0, 0);
            xf.QuotePrefix = true;
            return xf;
        }
    }
}
