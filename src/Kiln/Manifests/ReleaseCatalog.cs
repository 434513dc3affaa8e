namespace Kiln.Manifests;

/// <summary>
/// The Debian codenames Kiln accepts (wheezy to forky, and sid) and the suite names (stable, testing ...).
/// A suite is resolved through the mirror's Release file at build time; the table here is only the
/// fallback for validating and planning without network.
/// </summary>
public static class ReleaseCatalog
{
    public static readonly DebianRelease Wheezy = new("wheezy", 7);
    public static readonly DebianRelease Jessie = new("jessie", 8);
    public static readonly DebianRelease Stretch = new("stretch", 9);
    public static readonly DebianRelease Buster = new("buster", 10);
    public static readonly DebianRelease Bullseye = new("bullseye", 11);
    public static readonly DebianRelease Bookworm = new("bookworm", 12);
    public static readonly DebianRelease Trixie = new("trixie", 13);
    public static readonly DebianRelease Forky = new("forky", 14);
    public static readonly DebianRelease Sid = new("sid", DebianRelease.UnstableVersion);

    public static IReadOnlyList<DebianRelease> Codenames { get; } = [Wheezy, Jessie, Stretch, Buster, Bullseye, Bookworm, Trixie, Forky, Sid];

    /// <summary>Suite names and the codename each stood for when this Kiln was released.</summary>
    public static IReadOnlyDictionary<string, DebianRelease> Suites { get; } = new Dictionary<string, DebianRelease>(StringComparer.Ordinal)
    {
        ["oldoldstable"] = Bullseye,
        ["oldstable"] = Bookworm,
        ["stable"] = Trixie,
        ["testing"] = Forky,
        ["unstable"] = Sid,
    };

    public static IEnumerable<string> AllNames => Codenames.Select(r => r.Codename).Concat(Suites.Keys);

    public static bool IsSuite(string name) => Suites.ContainsKey(name);

    public static DebianRelease? FindCodename(string codename) => Codenames.FirstOrDefault(r => r.Codename == codename);

    /// <summary>The release a name means without asking a mirror: codenames directly, suites by the table above.</summary>
    public static DebianRelease? Find(string name) => FindCodename(name) ?? (Suites.TryGetValue(name, out var release) ? release : null);
}
