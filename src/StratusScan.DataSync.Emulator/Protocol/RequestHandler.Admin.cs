using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using StratusScan.DataSync.Emulator.Auth;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Faults;
using StratusScan.DataSync.Emulator.Organizations;
using StratusScan.DataSync.Emulator.Sts;

namespace StratusScan.DataSync.Emulator.Protocol;

/// <summary>The emulator's own endpoints under /__emulator (health, stats, reset, sessions, the organisation), not AWS's.</summary>
internal sealed partial class RequestHandler
{
    private async Task AdminAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "";
        bool post = HttpMethods.IsPost(context.Request.Method);
        switch (path.TrimEnd('/'))
        {
            case "/__emulator/stats" when !post:
                await WriteAsync(context, 200, "application/json", Encoding.UTF8.GetBytes(_stats.Snapshot().ToJson().ToJsonString())).ConfigureAwait(false);
                return;
            case "/__emulator/reset" or "/__emulator/stats/reset" when post:
                _stats.Reset();
                _faults.ResetRateLimits();
                context.Response.StatusCode = 204;
                return;
            case "/__emulator/sessions" when !post:
                await WriteAsync(context, 200, "application/json", Encoding.UTF8.GetBytes(_credentials.SessionsJson().ToJsonString())).ConfigureAwait(false);
                return;
            case "/__emulator/organization" when !post:
                // The organisation Organizations calls are served from (null: none), for tests to compare against.
                await WriteAsync(context, 200, "application/json", Encoding.UTF8.GetBytes(OrganizationJson().ToJsonString())).ConfigureAwait(false);
                return;
            case "/__emulator/health" when !post:
                // What is served: scripts (the organisation benchmark) read the generated accounts from here.
                var health = new JsonObject
                {
                    ["status"] = "ok",
                    ["accounts"] = new JsonArray(_dataset.Accounts.Select(a => (JsonNode)a.AccountId).ToArray()),
                    ["regions"] = new JsonArray(_dataset.AllRegions().Select(r => r.Region).Distinct().Order(StringComparer.Ordinal).Select(r => (JsonNode)r).ToArray()),
                };
                await WriteAsync(context, 200, "application/json", Encoding.UTF8.GetBytes(health.ToJsonString())).ConfigureAwait(false);
                return;
            default:
                await WriteAsync(context, 404, "application/json", """{"message":"Unknown emulator endpoint: GET /__emulator/stats, GET /__emulator/sessions, POST /__emulator/reset, GET /__emulator/health, GET /__emulator/organization"}"""u8.ToArray()).ConfigureAwait(false);
                return;
        }
    }

    private JsonObject OrganizationJson()
    {
        if (Organization is null) return new JsonObject { ["Organization"] = null };
        return new JsonObject
        {
            ["Organization"] = new JsonObject
            {
                ["Id"] = Organization.Id,
                ["ManagementAccountId"] = Organization.ManagementAccountId,
                ["RootId"] = Organization.Root.Id,
                ["OrganizationalUnits"] = new JsonArray(Organization.Units.Select(u => (JsonNode)new JsonObject
                {
                    ["Id"] = u.Id, ["Name"] = u.Name, ["ParentId"] = u.ParentId, ["Path"] = u.Path,
                }).ToArray()),
                ["Accounts"] = new JsonArray(Organization.Accounts.Select(a => (JsonNode)new JsonObject
                {
                    ["AccountId"] = a.AccountId, ["Name"] = a.Name, ["Email"] = a.Email, ["State"] = a.State, ["JoinedMethod"] = a.JoinedMethod,
                    ["JoinedTimestamp"] = a.JoinedTimestamp.ToUnixTimeSeconds(), ["ParentId"] = a.ParentId, ["Path"] = a.Path,
                }).ToArray()),
            },
        };
    }
}
