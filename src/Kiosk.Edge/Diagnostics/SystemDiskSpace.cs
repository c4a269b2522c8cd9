namespace Kiosk.Edge.Diagnostics;

/// <summary>statvfs of the path through <see cref="DriveInfo"/> (which accepts any path on Linux).</summary>
internal sealed class SystemDiskSpace : DiskSpace
{
    public override (long FreeBytes, long TotalBytes) Query(string path)
    {
        var drive = new DriveInfo(path);
        return (drive.AvailableFreeSpace, drive.TotalSize);
    }
}
