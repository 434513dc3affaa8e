using Kiln.Builds;

namespace Kiln.Cli;

/// <summary>
/// Starts parsing the core manifest schema on another thread as soon as kiln starts, for the commands that read a
/// manifest. Its parse is NJsonSchema's and Newtonsoft.Json's first use in the process, about 80 ms, most of reading
/// a manifest; the command line, the registry and the manifest's YAML are read meanwhile on the main thread, which then
/// waits for the parse (a <see cref="Lazy{T}"/>: it runs once, whichever thread comes first).
/// </summary>
public static class SchemaWarmUp
{
    /// <summary>The verbs that read a manifest (<c>doctor</c> reads one only when given one; otherwise the parse is wasted, on an idle core).</summary>
    private static readonly HashSet<string> ManifestVerbs = new(StringComparer.Ordinal) { "build", "validate", "plan", "summary", "schema", "doctor" };

    public static void StartFor(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (ReadsManifest(args))
        {
            _ = Task.Run(() => _ = ManifestReader.Core.Schema);
        }
    }

    /// <summary>Whether the first word that is not an option is a verb that reads a manifest.</summary>
    public static bool ReadsManifest(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.FirstOrDefault(a => !a.StartsWith('-'));
        return verb is not null && ManifestVerbs.Contains(verb);
    }
}
