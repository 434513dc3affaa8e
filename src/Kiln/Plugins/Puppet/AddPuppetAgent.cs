using Kiln.Common.Apt;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Puppet;

/// <summary>
/// Adds Debian's Puppet agent: <c>puppet-agent</c> from bookworm on (there <c>puppet</c> is only a transitional
/// package that pulls it in), <c>puppet</c> before.
/// </summary>
public sealed class AddPuppetAgent : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the Puppet agent";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add(PackageFor(context.Release));
        return Task.CompletedTask;
    }

    public static string PackageFor(DebianRelease release) => release >= ReleaseCatalog.Bookworm ? "puppet-agent" : "puppet";
}
