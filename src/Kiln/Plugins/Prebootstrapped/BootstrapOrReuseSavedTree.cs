using Kiln.Caching;
using Kiln.Common.Bootstrap;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Plugins.Prebootstrapped;

/// <summary>
/// Takes the place of <see cref="BootstrapSystem"/>: copies the saved tree into the root when it is exactly
/// what the bootstrap would make and the archives have not changed since; otherwise bootstraps as usual and
/// saves the new tree (replacing a stale one) before anything else changes the root.
/// </summary>
public sealed class BootstrapOrReuseSavedTree : BuildTask
{
    public override Phase Phase => Phase.OsInstallation;

    public override string Description => "Bootstrapping the base system, or reusing the saved tree";

    // Everything ordered after the bootstrap (the chroot mounts first) comes after this task.
    public override IReadOnlyList<Type> Successors => [typeof(BootstrapSystem)];

    public override IEnumerable<HostTool> Tools => [.. new BootstrapSystem().Tools, new HostTool("cp", "coreutils"), new HostTool("rm", "coreutils")];

    public override IEnumerable<HostTool> RequiredTools(BuildSpec spec) =>
        [.. new BootstrapSystem().RequiredTools(spec), new HostTool("cp", "coreutils"), new HostTool("rm", "coreutils")];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = new TreeStore(context.Spec.SettingsOf<PrebootstrappedSettings>().Folder(context.Manifest));
        return TreeReuse.RunAsync(context, store, "prebootstrapped", sizeLimit: null, cancellationToken);
    }

    /// <summary>The copy of a saved tree (see <see cref="TreeReuse.CopyTree"/>).</summary>
    public static CommandLine CopyTree(string source, string target) => TreeReuse.CopyTree(source, target);
}
