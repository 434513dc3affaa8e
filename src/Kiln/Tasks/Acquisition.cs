namespace Kiln.Tasks;

/// <summary>
/// Something a build takes from the host, as the journal records it before taking it: enough to give it back
/// after the build's process is gone (SIGKILL, a power cut), when no undo closure is left to run.
/// </summary>
/// <param name="Kind">What it is: <c>mount</c>, <c>loop</c>, <c>binfmt</c> (an entry, with the mount of the table it needs), <c>file</c>, <c>lock</c> (an output's lock file and its owner file), <c>lv</c> (a host logical volume), <c>cloud</c> (something a publication made in a cloud).</param>
/// <param name="Path">The mount point, backing file, binfmt entry name, file, logical volume, or the cloud resource as one line of JSON.</param>
public sealed record Acquisition(string Kind, string Path)
{
    public const string Mount = "mount";
    public const string Loop = "loop";
    public const string Binfmt = "binfmt";
    public const string File = "file";
    public const string Lock = "lock";
    public const string Cloud = "cloud";

    /// <summary>A logical volume of the build host (<c>backing: lvm</c>), as <c>VG/LV</c>.</summary>
    public const string LogicalVolume = "lv";

    /// <summary>The journal's line for it: kind, a tab, the path (paths have no tabs or newlines where Kiln makes them).</summary>
    public string ToLine() => $"{Kind}\t{Path}";

    public static Acquisition? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        return tab <= 0 ? null : new Acquisition(line[..tab], line[(tab + 1)..]);
    }

    public override string ToString() => $"{Kind} {Path}";
}
