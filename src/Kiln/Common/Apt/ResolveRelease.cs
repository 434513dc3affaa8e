using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Common.Apt;

/// <summary>Turns a suite name (stable, testing ...) into the codename the mirror serves under it today.</summary>
public sealed class ResolveRelease : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Resolving the release through the mirror";

    public override IReadOnlyList<Type> Predecessors => [typeof(ChooseMirror)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Manifest.System.Release;
        if (!ReleaseCatalog.IsSuite(name))
        {
            context.Release = ReleaseCatalog.FindCodename(name)!;
            return;
        }

        using var client = new MirrorClient();
        var release = await client.ReadTextAsync(context.Mirror, $"dists/{name}/Release", cancellationToken)
            ?? throw new UserInputException($"the mirror {context.Mirror} has no suite {name} (dists/{name}/Release is missing)");
        var codename = ReleaseFile.Field(release, "Codename");
        context.Release = (codename is null ? null : ReleaseCatalog.FindCodename(codename))
            ?? throw new UserInputException($"the mirror's {name} is `{codename}`, which this Kiln does not know; name a codename in system.release");
        context.Announce($"{name} is {context.Release.Codename} on {context.Mirror}");
    }
}
