using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// The workbook's zip container, written forward only: one entry open at a time (ZipArchiveMode.Create), so
    /// memory does not grow with the rows and a write-only stream is enough. The SDK's own packaging keeps every
    /// part in memory until it is disposed, so the package relationships and content types are written here.
    /// </summary>
    internal sealed class XlsxPackage : IDisposable
    {
        public const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        public const string PackageRelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
        public const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

        public const string OfficeDocumentRel = RelationshipsNs + "/officeDocument";
        public const string WorksheetRel = RelationshipsNs + "/worksheet";
        public const string StylesRel = RelationshipsNs + "/styles";
        public const string TableRel = RelationshipsNs + "/table";
        public const string DrawingRel = RelationshipsNs + "/drawing";
        public const string ChartRel = RelationshipsNs + "/chart";
        public const string CorePropertiesRel = PackageRelationshipsNs + "/metadata/core-properties";

        public const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
        public const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
        public const string StylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
        public const string TableType = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
        public const string DrawingType = "application/vnd.openxmlformats-officedocument.drawing+xml";
        public const string ChartType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
        public const string CorePropertiesType = "application/vnd.openxmlformats-package.core-properties+xml";

        private const string CorePropertiesNs = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        private const string DublinCoreNs = "http://purl.org/dc/elements/1.1/";
        private const string DublinCoreTermsNs = "http://purl.org/dc/terms/";
        private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";

        private static readonly XmlWriterSettings XmlSettings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            CloseOutput = false,
            Indent = false,
        };

        private readonly ZipArchive _zip;
        private readonly DateTimeOffset _timestamp;

        public XlsxPackage(Stream output, DateTime timestampUtc)
        {
            _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            // Zip times start in 1980; a fixed time makes equal input give equal bytes.
            var stamp = timestampUtc.Year < 1981 || timestampUtc.Year > 2100 ? new DateTime(2000, 1, 1) : timestampUtc;
            _timestamp = new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        /// <summary>Opens a new part; dispose the stream before opening the next one.</summary>
        public Stream OpenPart(string name)
        {
            var entry = _zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = _timestamp;
            return entry.Open();
        }

        /// <summary>Writes a small part whose root the SDK builds (styles, table, workbook).</summary>
        public void WriteElement(string name, OpenXmlElement root)
        {
            using var stream = OpenPart(name);
            using (var writer = OpenXmlWriter.Create(stream))
            {
                writer.WriteStartDocument(true);
                writer.WriteElement(root);
                writer.Close();
            }
        }

        /// <summary>Writes a part with a plain XmlWriter (package parts, drawing, charts).</summary>
        public void WriteXml(string name, Action<XmlWriter> body)
        {
            using var stream = OpenPart(name);
            using (var xml = XmlWriter.Create(stream, XmlSettings))
            {
                xml.WriteStartDocument(true);
                body(xml);
                xml.WriteEndDocument();
            }
        }

        public void WriteRelationships(string name, IEnumerable<Relationship> relationships)
        {
            WriteXml(name, xml =>
            {
                xml.WriteStartElement("Relationships", PackageRelationshipsNs);
                foreach (var relationship in relationships)
                {
                    xml.WriteStartElement("Relationship", PackageRelationshipsNs);
                    xml.WriteAttributeString("Id", relationship.Id);
                    xml.WriteAttributeString("Type", relationship.Type);
                    xml.WriteAttributeString("Target", relationship.Target);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            });
        }

        /// <summary>docProps/core.xml: title, creator, and the created and modified times (UTC, W3CDTF).</summary>
        public void WriteCoreProperties(string title, string creator, DateTime createdUtc)
        {
            var stamp = DateTime.SpecifyKind(createdUtc, DateTimeKind.Utc).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            WriteXml("docProps/core.xml", xml =>
            {
                xml.WriteStartElement("cp", "coreProperties", CorePropertiesNs);
                xml.WriteAttributeString("xmlns", "dc", null, DublinCoreNs);
                xml.WriteAttributeString("xmlns", "dcterms", null, DublinCoreTermsNs);
                xml.WriteAttributeString("xmlns", "xsi", null, XsiNs);
                xml.WriteElementString("dc", "title", DublinCoreNs, CellText.StripInvalid(title));
                xml.WriteElementString("dc", "creator", DublinCoreNs, creator);
                foreach (var name in new[] { "created", "modified" })
                {
                    xml.WriteStartElement("dcterms", name, DublinCoreTermsNs);
                    xml.WriteAttributeString("xsi", "type", XsiNs, "dcterms:W3CDTF");
                    xml.WriteString(stamp);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            });
        }

        /// <summary>[Content_Types].xml: defaults for rels and xml, one override per part.</summary>
        public void WriteContentTypes(IEnumerable<KeyValuePair<string, string>> overrides)
        {
            WriteXml("[Content_Types].xml", xml =>
            {
                xml.WriteStartElement("Types", ContentTypesNs);
                Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
                Default(xml, "xml", "application/xml");
                foreach (var part in overrides)
                {
                    xml.WriteStartElement("Override", ContentTypesNs);
                    xml.WriteAttributeString("PartName", "/" + part.Key);
                    xml.WriteAttributeString("ContentType", part.Value);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            });
        }

        private static void Default(XmlWriter xml, string extension, string contentType)
        {
            xml.WriteStartElement("Default", ContentTypesNs);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }

        public void Dispose() => _zip.Dispose();

        internal readonly struct Relationship
        {
            public Relationship(string id, string type, string target)
            {
                Id = id;
                Type = type;
                Target = target;
            }

            public string Id { get; }
            public string Type { get; }
            public string Target { get; }
        }
    }
}
