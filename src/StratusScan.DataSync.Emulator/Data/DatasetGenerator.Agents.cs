using System;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>The agents of a Region: status, endpoint type, private-link and platform members in turn.</summary>
internal sealed partial class DatasetGenerator
{
    private static readonly string[] EndpointTypes = ["PUBLIC", "PRIVATE_LINK", "FIPS", "FIPS_PRIVATE_LINK"];

    private int _agentCount;

    private JsonObject Agent(RegionData region)
    {
        int g = _agentCount++;
        string status = g % 3 == 1 ? "OFFLINE" : "ONLINE";
        string endpoint = EndpointTypes[g % EndpointTypes.Length];
        var agent = new JsonObject { ["AgentArn"] = Arn(region, $"agent/agent-{Hex(17)}") };
        if (Name("agent") is { } name) agent["Name"] = name;
        agent["Status"] = status;
        if (g % 9 != 8)
        {
            agent["LastConnectionTime"] = Time(status == "ONLINE" ? _now.AddSeconds(-_rng.Next(5, 300)) : _now.AddHours(-_rng.Next(2, 24 * 40)));
        }

        agent["CreationTime"] = Time(_now.AddDays(-_rng.Next(60, 900)).AddMilliseconds(_rng.Next(1000)));
        agent["EndpointType"] = endpoint;
        if (endpoint.EndsWith("PRIVATE_LINK", StringComparison.Ordinal))
        {
            agent["PrivateLinkConfig"] = new JsonObject
            {
                ["VpcEndpointId"] = "vpce-" + Hex(17),
                ["PrivateLinkEndpoint"] = $"10.{_rng.Next(0, 256)}.{_rng.Next(0, 256)}.{_rng.Next(1, 255)}",
                ["SubnetArns"] = new JsonArray(Ec2(region, "subnet/subnet-")),
                ["SecurityGroupArns"] = new JsonArray(Ec2(region, "security-group/sg-")),
            };
        }

        if (g % 11 != 10)
        {
            agent["Platform"] = new JsonObject { ["Version"] = g % 2 == 0 ? "2" : "1.52" };
        }

        return agent;
    }
}
