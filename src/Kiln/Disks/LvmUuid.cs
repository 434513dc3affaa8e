namespace Kiln.Disks;

/// <summary>An LVM UUID as pvcreate's <c>--uuid</c> takes it: 32 characters in groups of 6-4-4-4-4-4-6.</summary>
public static class LvmUuid
{
    private static readonly int[] Groups = [6, 4, 4, 4, 4, 4, 6];

    public static string From(Guid guid)
    {
        var text = guid.ToString("N");
        var parts = new List<string>();
        var at = 0;
        foreach (var length in Groups)
        {
            parts.Add(text.Substring(at, length));
            at += length;
        }

        return string.Join('-', parts);
    }
}
