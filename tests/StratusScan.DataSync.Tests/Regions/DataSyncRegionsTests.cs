using System;
using System.Linq;
using StratusScan.DataSync.Regions;

namespace StratusScan.DataSync.Tests.Regions
{
    public class DataSyncRegionsTests
    {
        [Fact]
        public void EveryRegionNameIsWellFormed()
        {
            var malformed = DataSyncRegions.All.Where(r => !DataSyncRegions.NamePattern.IsMatch(r.Name)).Select(r => r.Name).ToList();
            Assert.True(malformed.Count == 0, "Malformed Region names: " + string.Join(", ", malformed));
        }

        [Fact]
        public void NoRegionIsListedTwice()
        {
            var duplicates = DataSyncRegions.All.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, "Duplicated Regions: " + string.Join(", ", duplicates));
        }

        [Fact]
        public void EveryRegionHasADisplayNameAndAKnownPartition()
        {
            foreach (var region in DataSyncRegions.All)
            {
                Assert.False(string.IsNullOrWhiteSpace(region.DisplayName), region.Name);
                Assert.Contains(region.Partition, Partitions.All);
            }
        }

        [Theory]
        [InlineData("us-east-1", true)]
        [InlineData("us-gov-west-1", true)]
        [InlineData("cn-northwest-1", true)]
        [InlineData("us-east-1 ", false)]
        [InlineData("US-EAST-1", false)]
        [InlineData("us-east", false)]
        [InlineData("mars-north-1", false)]
        [InlineData("useast1", false)]
        public void TheNamePatternAcceptsOnlyRegionCodes(string name, bool valid) =>
            Assert.Equal(valid, DataSyncRegions.NamePattern.IsMatch(name));

        [Fact]
        public void PartitionsHoldTheirRegions()
        {
            Assert.Equal(new[] { "us-gov-east-1", "us-gov-west-1" }, DataSyncRegions.InPartition(Partitions.AwsUsGov).Select(r => r.Name));
            Assert.Equal(new[] { "cn-north-1", "cn-northwest-1" }, DataSyncRegions.InPartition(Partitions.AwsCn).Select(r => r.Name));
            var commercial = DataSyncRegions.InPartition(Partitions.Aws);
            Assert.Contains(commercial, r => r.Name == "us-east-1");
            Assert.DoesNotContain(commercial, r => r.Name.StartsWith("us-gov-", StringComparison.Ordinal) || r.Name.StartsWith("cn-", StringComparison.Ordinal));
            Assert.Equal(DataSyncRegions.All.Count, Partitions.All.Sum(p => DataSyncRegions.InPartition(p).Count));
        }

        [Fact]
        public void FindIsCaseInsensitiveAndReturnsNullForUnknownRegions()
        {
            Assert.Equal("eu-west-1", DataSyncRegions.Find("EU-WEST-1")?.Name);
            Assert.Null(DataSyncRegions.Find("eu-west-9"));
            Assert.Null(DataSyncRegions.Find(null!));
        }

        [Theory]
        [InlineData("us-east-1", "aws", "AWS Commercial")]
        [InlineData("us-gov-east-1", "aws-us-gov", "AWS GovCloud (US)")]
        [InlineData("cn-north-1", "aws-cn", "AWS China")]
        public void PartitionsHaveStratusScanDisplayNames(string region, string partition, string displayName)
        {
            Assert.Equal(partition, Partitions.OfRegion(region));
            Assert.Equal(displayName, DataSyncRegions.Find(region)!.PartitionDisplayName);
        }

        [Fact]
        public void UnknownPartitionIsRejectedWithTheValidOnes()
        {
            var error = Assert.Throws<ArgumentException>(() => DataSyncRegions.InPartition("aws-iso"));
            Assert.Contains("aws-us-gov", error.Message);
        }

        [Fact]
        public void FipsIsOfferedInTheUsAndGovCloudRegions()
        {
            Assert.True(DataSyncRegions.Find("us-east-1")!.SupportsFips);
            Assert.True(DataSyncRegions.Find("us-gov-west-1")!.SupportsFips);
            Assert.False(DataSyncRegions.Find("eu-west-1")!.SupportsFips);
        }
    }
}
