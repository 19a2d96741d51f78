using System.Text.Json;

namespace StratusScan.DataSync.Aws.Model
{
    /// <summary>
    /// The base of every API shape: its text is its compact JSON (the API's member names), so a nested shape
    /// reads usefully in an Export-Csv cell or a log line instead of showing its type name.
    /// </summary>
    public abstract class ApiShape
    {
        public override string ToString()
        {
            var info = DataSyncJsonContext.Default.GetTypeInfo(GetType())
                ?? Organizations.Model.OrganizationsJsonContext.Default.GetTypeInfo(GetType());
            return info is null ? GetType().Name : JsonSerializer.Serialize(this, info);
        }
    }
}
