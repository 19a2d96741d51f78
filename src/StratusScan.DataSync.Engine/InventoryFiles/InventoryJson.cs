using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.InventoryFiles
{
    /// <summary>
    /// The JSON of an inventory file (docs/inventory-format.md): the header line and one line per object,
    /// <c>{"Kind":"Task",…}</c> with "Kind" first and then every public property of the object. Times are ISO 8601
    /// UTC with Z and full precision; TimeSpans are milliseconds; lists are arrays; enums are strings; nulls are
    /// omitted, except Tags, which is omitted when not collected, null when it could not be read and an object
    /// when read.
    /// </summary>
    public static class InventoryJson
    {
        /// <summary>The "Kind" of each object class, in the file's order of kinds.</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, Type>> Kinds = new[]
        {
            new KeyValuePair<string, Type>("Task", typeof(DataSyncTask)),
            new KeyValuePair<string, Type>("Location", typeof(DataSyncLocation)),
            new KeyValuePair<string, Type>("Agent", typeof(DataSyncAgent)),
            new KeyValuePair<string, Type>("Execution", typeof(DataSyncTaskExecution)),
        };

        /// <summary>The member that names an object line's kind (always first when this module writes it).</summary>
        public const string KindMember = "Kind";

        /// <summary>Reflection-based options shared by the writer and the reader (thread-safe once built).</summary>
        public static JsonSerializerOptions Options { get; } = CreateOptions();

        private static JsonSerializerOptions CreateOptions()
        {
            var resolver = new DefaultJsonTypeInfoResolver();
            resolver.Modifiers.Add(TagsModifier);
            var options = new JsonSerializerOptions
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                TypeInfoResolver = resolver,
                WriteIndented = false,
            };
            options.Converters.Add(new UtcDateTimeConverter());
            options.Converters.Add(new MillisecondsConverter());
            options.Converters.Add(new ResourceKindsConverter());
            options.Converters.Add(new TagSetConverter());
            options.Converters.Add(new ValueListConverterFactory());
            options.Converters.Add(new JsonStringEnumConverter());
            options.MakeReadOnly();
            return options;
        }

        // Tags: omitted when not collected, null when they could not be read, an object when read (even empty).
        private static void TagsModifier(JsonTypeInfo info)
        {
            foreach (var property in info.Properties)
            {
                if (property.PropertyType == typeof(TagSet))
                {
                    property.ShouldSerialize = (_, value) => value is null || TagSet.WereCollected((TagSet)value);
                }
            }
        }

        /// <summary>The "Kind" of an object class; null when it is not one of the four.</summary>
        public static string? KindOf(Type type)
        {
            foreach (var pair in Kinds) if (pair.Value == type) return pair.Key;
            return null;
        }

        /// <summary>The class of a "Kind"; null when unknown.</summary>
        public static Type? TypeOf(string? kind)
        {
            foreach (var pair in Kinds) if (string.Equals(pair.Key, kind, StringComparison.Ordinal)) return pair.Value;
            return null;
        }

        /// <summary>One object line (UTF-8, without its line end): "Kind" first, then the object's properties.</summary>
        public static byte[] SerializeObject(object item)
        {
            if (item is null) throw new ArgumentNullException(nameof(item));
            var kind = KindOf(item.GetType())
                ?? throw new ArgumentException("An inventory file holds tasks, locations, agents and executions; not a " + item.GetType().FullName + ".", nameof(item));
            var body = JsonSerializer.SerializeToUtf8Bytes(item, item.GetType(), Options);
            var prefix = Encoding.UTF8.GetBytes("{\"" + KindMember + "\":\"" + kind + "\"" + (body.Length > 2 ? "," : string.Empty));
            var line = new byte[prefix.Length + body.Length - 1];
            Buffer.BlockCopy(prefix, 0, line, 0, prefix.Length);
            Buffer.BlockCopy(body, 1, line, prefix.Length, body.Length - 1);
            return line;
        }

        /// <summary>The header line (UTF-8, without its line end).</summary>
        public static byte[] SerializeHeader(InventoryHeader header) => JsonSerializer.SerializeToUtf8Bytes(header, Options);

        /// <summary>Reads a header line; a JsonException or NotSupportedException when it is not one.</summary>
        public static InventoryHeader DeserializeHeader(ReadOnlySpan<byte> line) =>
            JsonSerializer.Deserialize<InventoryHeader>(line, Options) ?? throw new JsonException("The header line is null.");

        /// <summary>
        /// Reads an object line into its class; a JsonException when the line is not valid JSON, has no known "Kind",
        /// or does not fit its class. A location's Detail is read as the Describe response of its LocationType.
        /// </summary>
        public static object DeserializeObject(ReadOnlySpan<byte> line)
        {
            var kind = FindKind(line);
            var type = TypeOf(kind) ?? throw new JsonException(kind is null
                ? "The line has no \"Kind\" member."
                : "Unknown Kind '" + kind + "' (expected Task, Location, Agent or Execution).");
            var item = JsonSerializer.Deserialize(line, type, Options) ?? throw new JsonException("The line is null.");
            if (item is DataSyncLocation location) location.Detail = ReadDetail(location);
            return item;
        }

        private static object? ReadDetail(DataSyncLocation location)
        {
            if (!(location.Detail is JsonElement element)) return location.Detail;
            if (element.ValueKind == JsonValueKind.Null) return null;
            var kind = LocationKinds.OfName(location.LocationType)
                ?? throw new JsonException("The location " + location.LocationArn + " has a Detail but its LocationType '" + location.LocationType + "' is not a known kind.");
            return element.Deserialize(kind.ResponseType, Options);
        }

        // The top-level "Kind" string, wherever it is in the object (this module writes it first).
        private static string? FindKind(ReadOnlySpan<byte> line)
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The line is not a JSON object.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKind = reader.ValueTextEquals(KindMember);
                if (!reader.Read()) break;
                if (isKind) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }

            return null;
        }

        /// <summary>ISO 8601 UTC with Z and every digit the value has (round-trip exact); read back as DateTimeKind.Utc.</summary>
        private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
        {
            public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected an ISO 8601 time string, found " + reader.TokenType + ".");
                var text = reader.GetString()!;
                if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
                {
                    throw new JsonException("'" + text + "' is not an ISO 8601 time.");
                }

                return value;
            }

            public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
            {
                var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
                writer.WriteStringValue(utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            }
        }

        /// <summary>A TimeSpan as milliseconds, the API's unit: an integer when whole, else a decimal to the tick.</summary>
        private sealed class MillisecondsConverter : JsonConverter<TimeSpan>
        {
            public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.Number) throw new JsonException("Expected a duration in milliseconds, found " + reader.TokenType + ".");
                var ms = reader.GetDecimal();
                return TimeSpan.FromTicks((long)decimal.Round(ms * TimeSpan.TicksPerMillisecond, MidpointRounding.AwayFromZero));
            }

            public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
            {
                if (value.Ticks % TimeSpan.TicksPerMillisecond == 0) writer.WriteNumberValue(value.Ticks / TimeSpan.TicksPerMillisecond);
                else writer.WriteNumberValue((decimal)value.Ticks / TimeSpan.TicksPerMillisecond);
            }
        }

        /// <summary>ResourceKinds as an array of kind names: ["Tasks","Locations","Agents","Executions"], [] for none.</summary>
        private sealed class ResourceKindsConverter : JsonConverter<ResourceKinds>
        {
            private static readonly ResourceKinds[] Single = { ResourceKinds.Tasks, ResourceKinds.Locations, ResourceKinds.Agents, ResourceKinds.Executions };

            public override ResourceKinds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected an array of kind names (Tasks, Locations, Agents, Executions).");
                var kinds = ResourceKinds.None;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    var kind = Single.FirstOrDefault(k => string.Equals(k.ToString(), name, StringComparison.Ordinal));
                    if (kind == ResourceKinds.None) throw new JsonException("Unknown kind '" + name + "' (expected Tasks, Locations, Agents or Executions).");
                    kinds |= kind;
                }

                return kinds;
            }

            public override void Write(Utf8JsonWriter writer, ResourceKinds value, JsonSerializerOptions options)
            {
                writer.WriteStartArray();
                foreach (var kind in Single) if ((value & kind) != 0) writer.WriteStringValue(kind.ToString());
                writer.WriteEndArray();
            }
        }

        /// <summary>Tags read from AWS: an object of key → value (read back as a collected set).</summary>
        private sealed class TagSetConverter : JsonConverter<TagSet>
        {
            public override TagSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected the tags as an object of key: value.");
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String) throw new JsonException("The tag '" + key + "' has no string value.");
                    tags[key] = reader.GetString()!;
                }

                return new TagSet(tags);
            }

            public override void Write(Utf8JsonWriter writer, TagSet value, JsonSerializerOptions options)
            {
                writer.WriteStartObject();
                foreach (var tag in value) writer.WriteString(tag.Key, tag.Value);
                writer.WriteEndObject();
            }
        }

        private sealed class ValueListConverterFactory : JsonConverterFactory
        {
            public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

            public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
                (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
        }

        /// <summary>A ValueList as a JSON array.</summary>
        private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
        {
            public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var items = JsonSerializer.Deserialize<List<T>>(ref reader, options);
                return items is null || items.Count == 0 ? ValueList<T>.Empty : new ValueList<T>(items);
            }

            public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
            {
                writer.WriteStartArray();
                foreach (var item in value) JsonSerializer.Serialize(writer, item, options);
                writer.WriteEndArray();
            }
        }
    }
}
