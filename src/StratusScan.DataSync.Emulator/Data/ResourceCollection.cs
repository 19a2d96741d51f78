using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>
/// The resources of one kind in one account and region, each stored as its Describe output, in insertion
/// order and indexed by ARN. Safe to change while requests read it; enumeration works on a snapshot.
/// </summary>
public sealed class ResourceCollection : IReadOnlyCollection<JsonObject>
{
    private readonly List<JsonObject> _items = [];
    private readonly Dictionary<string, JsonObject> _byArn = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    internal ResourceCollection(string arnMember) => ArnMember = arnMember;

    /// <summary>The member that holds each resource's ARN (TaskArn, LocationArn, AgentArn, TaskExecutionArn).</summary>
    public string ArnMember { get; }

    public int Count { get { lock (_gate) { return _items.Count; } } }

    /// <summary>Adds a resource; its ARN member must be set and not already present.</summary>
    public void Add(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        string arn = resource[ArnMember]?.GetValue<string>()
            ?? throw new ArgumentException($"The resource has no {ArnMember}.", nameof(resource));
        JsonTree.Materialize(resource);
        lock (_gate)
        {
            if (!_byArn.TryAdd(arn, resource))
            {
                throw new ArgumentException($"A resource with {ArnMember} '{arn}' already exists.", nameof(resource));
            }

            _items.Add(resource);
        }
    }

    public JsonObject? Find(string arn)
    {
        lock (_gate)
        {
            return _byArn.GetValueOrDefault(arn);
        }
    }

    public bool Remove(string arn)
    {
        lock (_gate)
        {
            if (!_byArn.Remove(arn, out JsonObject? resource))
            {
                return false;
            }

            _items.Remove(resource);
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
            _byArn.Clear();
        }
    }

    /// <summary>The resources in insertion order, as of now.</summary>
    public IReadOnlyList<JsonObject> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public IEnumerator<JsonObject> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal static class JsonTree
{
    /// <summary>
    /// Walks a node once so that nodes parsed lazily from a JsonElement are fully built; afterwards
    /// concurrent readers (serializers of responses) never race on the lazy initialisation.
    /// </summary>
    public static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    Materialize(member.Value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }
}
