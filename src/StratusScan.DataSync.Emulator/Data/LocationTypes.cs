using System;
using System.Collections.Generic;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>The location kinds, their LocationUri schemes and the Describe operation of each.</summary>
public static class LocationTypes
{
    public const string S3 = "S3";
    public const string Efs = "Efs";
    public const string FsxWindows = "FsxWindows";
    public const string FsxLustre = "FsxLustre";
    public const string FsxOpenZfs = "FsxOpenZfs";
    public const string FsxOntap = "FsxOntap";
    public const string Nfs = "Nfs";
    public const string Smb = "Smb";
    public const string Hdfs = "Hdfs";
    public const string ObjectStorage = "ObjectStorage";
    public const string AzureBlob = "AzureBlob";

    /// <summary>Every kind, named as in its operation (DescribeLocation + kind).</summary>
    public static IReadOnlyList<string> All { get; } =
        [S3, Efs, FsxWindows, FsxLustre, FsxOpenZfs, FsxOntap, Nfs, Smb, Hdfs, ObjectStorage, AzureBlob];

    /// <summary>The kind of a location from its LocationUri scheme; null for an unknown scheme.</summary>
    public static string? FromUri(string? locationUri)
    {
        if (locationUri is null)
        {
            return null;
        }

        int end = locationUri.IndexOf("://", StringComparison.Ordinal);
        if (end <= 0)
        {
            return null;
        }

        return FromScheme(locationUri[..end]);
    }

    public static string? FromScheme(string scheme) => scheme.ToLowerInvariant() switch
    {
        "s3" => S3,
        "efs" => Efs,
        "fsxw" => FsxWindows,
        "fsxl" => FsxLustre,
        "fsxz" => FsxOpenZfs,
        "fsxn-nfs" or "fsxn-smb" or "fsxn" => FsxOntap,
        "nfs" => Nfs,
        "smb" => Smb,
        "hdfs" => Hdfs,
        "object-storage" => ObjectStorage,
        "azure-blob" => AzureBlob,
        _ => null,
    };

    public static string DescribeOperation(string kind) => "DescribeLocation" + kind;
}
