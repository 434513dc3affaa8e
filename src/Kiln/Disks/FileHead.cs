namespace Kiln.Disks;

/// <summary>The first bytes of a file (fewer when it is shorter), for the readers of image headers.</summary>
public static class FileHead
{
    public static byte[] Read(string path, int count)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..read];
    }
}
