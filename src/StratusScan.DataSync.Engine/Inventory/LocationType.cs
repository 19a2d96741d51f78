namespace StratusScan.DataSync.Inventory
{
    /// <summary>The location types as StratusScan names them (the Location Type column of the workbook).</summary>
    public static class LocationType
    {
        public const string S3 = "S3";
        public const string Efs = "EFS";
        public const string FsxWindows = "FSx-Windows";
        public const string FsxLustre = "FSx-Lustre";
        public const string FsxOpenZfs = "FSx-OpenZFS";
        public const string FsxOntap = "FSx-ONTAP";
        public const string Nfs = "NFS";
        public const string Smb = "SMB";
        public const string Hdfs = "HDFS";
        public const string ObjectStorage = "Object Storage";
        public const string AzureBlob = "Azure Blob";
        public const string Unknown = "Unknown";

        /// <summary>Every type, in the workbook's order.</summary>
        public static readonly string[] All =
        {
            S3, Efs, FsxWindows, FsxLustre, FsxOpenZfs, FsxOntap, Nfs, Smb, Hdfs, ObjectStorage, AzureBlob, Unknown,
        };
    }
}
