using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Common.Apt;

/// <summary>Adds the release, its updates and its security suite (where the release has them) to the image's sources.list.</summary>
public sealed class AddDefaultSources : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the default apt sources";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var line in DefaultSources(context))
        {
            context.Sources.AddMain(line);
        }

        return Task.CompletedTask;
    }

    public static IEnumerable<AptSourceLine> DefaultSources(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var release = context.Release;
        var components = context.Manifest.Packages.Components;
        var mirror = context.Manifest.Packages.Mirror?.TrimEnd('/') ?? context.Mirror;
        var types = context.Manifest.Packages.IncludeSourceType ? new[] { "deb", "deb-src" } : ["deb"];
        foreach (var type in types)
        {
            yield return new AptSourceLine(type, mirror, release.Codename, components);
            if (release.HasUpdatesSuite)
            {
                yield return new AptSourceLine(type, mirror, $"{release.Codename}-updates", components);
            }

            if (release.HasSecuritySuite)
            {
                yield return new AptSourceLine(type, context.SecurityMirror, release.SecuritySuite, components);
            }
        }
    }
}
