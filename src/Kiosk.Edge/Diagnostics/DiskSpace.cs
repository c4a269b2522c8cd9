namespace Kiosk.Edge.Diagnostics;

/// <summary>Free and total bytes of the file system holding a path (the seam tests fill a disk with).</summary>
internal abstract class DiskSpace
{
    public abstract (long FreeBytes, long TotalBytes) Query(string path);
}
