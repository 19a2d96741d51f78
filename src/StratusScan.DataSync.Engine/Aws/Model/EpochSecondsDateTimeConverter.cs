using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StratusScan.DataSync.Aws.Model
{
    /// <summary>
    /// awsJson1_1 timestamps: seconds since the Unix epoch as a JSON number, often fractional
    /// (1700000000.123). Read exactly (through decimal, to the 100 ns tick) into a UTC DateTime; written
    /// back the same way. An ISO 8601 string is accepted too, for tolerance.
    /// </summary>
    internal sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
    {
        private static readonly long EpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        /// <inheritdoc />
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (reader.TryGetDecimal(out decimal seconds))
                {
                    return FromEpochSeconds(seconds);
                }
                return FromEpochSeconds((decimal)reader.GetDouble());
            }
            if (reader.TokenType == JsonTokenType.String)
            {
                string? text = reader.GetString();
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal s))
                {
                    return FromEpochSeconds(s);
                }
                return DateTime.Parse(text!, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            }
            throw new JsonException("Expected a timestamp (epoch seconds), found " + reader.TokenType + ".");
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        {
            writer.WriteNumberValue(ToEpochSeconds(value));
        }

        /// <summary>Epoch seconds (fractional) to a UTC DateTime, exact to the tick.</summary>
        public static DateTime FromEpochSeconds(decimal seconds)
        {
            long ticks = (long)decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
            return new DateTime(EpochTicks + ticks, DateTimeKind.Utc);
        }

        /// <summary>A DateTime (taken as UTC unless it says Local) to epoch seconds.</summary>
        public static decimal ToEpochSeconds(DateTime value)
        {
            DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
            return (decimal)(utc.Ticks - EpochTicks) / TimeSpan.TicksPerSecond;
        }
    }
}
