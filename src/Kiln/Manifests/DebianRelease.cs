namespace Kiln.Manifests;

/// <summary>A Debian release Kiln knows: its codename and version (sid sorts after every numbered release).</summary>
public sealed record DebianRelease(string Codename, int Version) : IComparable<DebianRelease>
{
    public const int UnstableVersion = 1000;

    public bool IsUnstable => Version == UnstableVersion;

    /// <summary>Releases up to buster name their security suite <c>codename/updates</c>; later ones <c>codename-security</c>.</summary>
    public string SecuritySuite => Version <= 10 ? $"{Codename}/updates" : $"{Codename}-security";

    public bool HasSecuritySuite => !IsUnstable;

    public bool HasUpdatesSuite => !IsUnstable;

    public int CompareTo(DebianRelease? other) => Version.CompareTo(other?.Version ?? int.MinValue);

    public static bool operator <(DebianRelease left, DebianRelease right) => left.CompareTo(right) < 0;

    public static bool operator >(DebianRelease left, DebianRelease right) => left.CompareTo(right) > 0;

    public static bool operator <=(DebianRelease left, DebianRelease right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DebianRelease left, DebianRelease right) => left.CompareTo(right) >= 0;

    public override string ToString() => Codename;
}
