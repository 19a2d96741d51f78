using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Testing;
using StratusScan.DataSync.Tests.Aws;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>The table of location kinds: complete, unambiguous, and in step with the API model and the client.</summary>
    public class LocationKindsTests
    {
        public static IEnumerable<object[]> Kinds => LocationKinds.All.Select(k => new object[] { k.Name });

        [Fact]
        public void EveryLocationTypeHasExactlyOneEntry()
        {
            Assert.Equal(LocationKinds.All.Count + 1, LocationType.All.Count);
            Assert.Equal(LocationType.Unknown, LocationType.All.Last());
            Assert.Equal(LocationType.All.Count, LocationType.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var type in LocationType.All.Take(LocationType.All.Count - 1))
            {
                Assert.Same(LocationKinds.All.Single(k => k.Name == type), LocationKinds.OfName(type));
            }

            Assert.Null(LocationKinds.OfName(LocationType.Unknown));
            Assert.Equal(LocationKinds.All.Count, LocationKinds.All.Select(k => k.DescribeOperation).Distinct().Count());
            Assert.Equal(LocationKinds.All.Count, LocationKinds.All.Select(k => k.ResponseType).Distinct().Count());
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void EverySchemeParsesToItsKind(string name)
        {
            var kind = LocationKinds.OfName(name)!;
            Assert.NotEmpty(kind.Schemes);
            foreach (var scheme in kind.Schemes)
            {
                Assert.Equal(scheme.ToLowerInvariant(), scheme);
                Assert.Same(kind, LocationKinds.OfScheme(scheme));
                Assert.Equal(name, LocationUri.TypeOfScheme(scheme));
                foreach (var text in new[] { scheme + "://host.example/a/b/", scheme.ToUpperInvariant() + "://host.example/" })
                {
                    var uri = LocationUri.Parse(text);
                    Assert.Same(kind, uri.Kind);
                    Assert.Equal(name, uri.Type);
                }
            }
        }

        [Fact]
        public void NoSchemeBelongsToTwoKinds()
        {
            var schemes = LocationKinds.All.SelectMany(k => k.Schemes).ToList();
            Assert.Equal(schemes.Count, schemes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Null(LocationUri.Parse("gopher://x/").Kind);
            Assert.Equal(LocationType.Unknown, LocationUri.TypeOfScheme("gopher"));
        }

        [Fact]
        public void EveryDescribeOperationIsInTheModelWithTheTableShapes()
        {
            using JsonDocument model = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.DataSyncModel));
            JsonElement operations = model.RootElement.GetProperty("operations");
            foreach (var kind in LocationKinds.All)
            {
                Assert.True(operations.TryGetProperty(kind.DescribeOperation, out JsonElement operation), kind.DescribeOperation + " is not in the model");
                Assert.Equal(kind.RequestType.Name, operation.GetProperty("input").GetProperty("shape").GetString());
                Assert.Equal(kind.ResponseType.Name, operation.GetProperty("output").GetProperty("shape").GetString());
            }

            // And the other way: every location kind the API can describe has its entry.
            var describeLocations = operations.EnumerateObject().Select(o => o.Name).Where(n => n.StartsWith("DescribeLocation", StringComparison.Ordinal));
            Assert.Equal(describeLocations.OrderBy(n => n, StringComparer.Ordinal), LocationKinds.All.Select(k => k.DescribeOperation).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public async Task TheClientCallIsTheDescribeOperation(string name)
        {
            var kind = LocationKinds.OfName(name)!;
            var client = RecordingClient.Create();
            const string arn = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
            var response = await kind.Describe(client, arn, CancellationToken.None);

            var recorder = (RecordingClient)(object)client;
            Assert.Equal(kind.DescribeOperation + "Async", recorder.Method);
            Assert.IsType(kind.RequestType, recorder.Request);
            Assert.Equal(arn, kind.RequestType.GetProperty("LocationArn")!.GetValue(recorder.Request));
            Assert.IsType(kind.ResponseType, response);
            Assert.Same(kind, LocationKinds.OfResponse(response));
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void AResponseMapsOntoALocationOfItsKind(string name)
        {
            var kind = LocationKinds.OfName(name)!;
            var response = Activator.CreateInstance(kind.ResponseType)!;
            const string arn = "arn:aws-us-gov:datasync:us-gov-west-1:111122223333:location/loc-0123456789abcdef0";
            var uri = kind.Schemes[0] + "://host.example/first/second/";
            kind.ResponseType.GetProperty("LocationArn")!.SetValue(response, arn);
            kind.ResponseType.GetProperty("LocationUri")!.SetValue(response, uri);

            var location = DataSyncLocation.From(response, "us-gov-west-1", "111122223333");
            Assert.Equal(arn, location.LocationArn);
            Assert.Equal(uri, location.LocationUri);
            Assert.Equal(name, location.LocationType);
            Assert.Same(response, location.Detail);
            Assert.Equal(LocationUri.Parse(uri).Subdirectory, location.Subdirectory);
            Assert.Equal(name, DataSyncLocation.FromListing(arn, uri, "us-gov-west-1", "111122223333").LocationType);
        }

        [Fact]
        public void ANonDescribeResponseIsRejected()
        {
            var error = Assert.Throws<ArgumentException>(() => DataSyncLocation.From(new object(), "us-east-1", "111122223333"));
            Assert.Contains("Not a DescribeLocation* response", error.Message);
        }

        /// <summary>An <see cref="IDataSyncClient"/> that records the one call made and answers it with an empty response.</summary>
        public class RecordingClient : DispatchProxy
        {
            public string? Method { get; private set; }
            public object? Request { get; private set; }

            public static IDataSyncClient Create() => Create<IDataSyncClient, RecordingClient>();

            protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
            {
                Assert.Null(Method);
                Method = targetMethod!.Name;
                Request = args![0];
                var responseType = targetMethod.ReturnType.GetGenericArguments()[0];
                return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(responseType)
                    .Invoke(null, new[] { Activator.CreateInstance(responseType) });
            }
        }
    }
}
