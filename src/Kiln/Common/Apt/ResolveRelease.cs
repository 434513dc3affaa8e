using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Common.Apt;

/// <summary>
/// Reads the release's Release file on the mirror: a suite name (stable, testing ...) becomes the codename the
/// mirror serves under it today, and the file's <c>Date:</c> becomes the build's SOURCE_DATE_EPOCH unless the
/// environment or the manifest sets one, so two builds from one snapshot of the archive get the same file times.
/// </summary>
public sealed class ResolveRelease : BuildTask
{
    /// <summary>apt's order: the signed InRelease first, the older Release where a mirror has only that.</summary>
    public static readonly string[] ReleaseFiles = ["InRelease", "Release"];

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Resolving the release through the mirror";

    public override IReadOnlyList<Type> Predecessors => [typeof(ChooseMirror)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Manifest.System.Release;
        var isSuite = ReleaseCatalog.IsSuite(name);
        if (!isSuite)
        {
            context.Release = ReleaseCatalog.FindCodename(name)!;
        }

        if (isSuite || context.SourceDateEpoch is null)
        {
            var release = await ReadReleaseAsync(context.Mirror, name, cancellationToken);
            if (isSuite)
            {
                var codename = ReleaseFile.Field(release, "Codename");
                context.Release = (codename is null ? null : ReleaseCatalog.FindCodename(codename))
                    ?? throw new UserInputException($"the mirror's {name} is `{codename}`, which this Kiln does not know; name a codename in system.release");
                context.Announce($"{name} is {context.Release.Codename} on {context.Mirror}");
            }

            if (context.SourceDateEpoch is null)
            {
                var date = ReleaseFile.Date(release)
                    ?? throw new UserInputException($"the mirror's Release file of {name} has no readable Date field; set {SourceDateEpoch.ManifestKey} or {SourceDateEpoch.VariableName}");
                context.UseSourceDateEpoch(SourceDateEpoch.FromRelease(date, name));
            }
        }

        context.Announce($"{SourceDateEpoch.VariableName}={context.SourceDateEpoch}");
    }

    private static async Task<string> ReadReleaseAsync(string mirror, string name, CancellationToken cancellationToken)
    {
        using var client = new MirrorClient();
        foreach (var file in ReleaseFiles)
        {
            if (await client.ReadTextAsync(mirror, $"dists/{name}/{file}", cancellationToken) is { } text)
            {
                return text;
            }
        }

        throw new UserInputException($"the mirror {mirror} has no suite {name} (dists/{name}/InRelease and dists/{name}/Release are missing)");
    }
}
