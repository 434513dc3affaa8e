using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Bootstrap;

/// <summary>
/// For an image of another architecture than the host's (arm64 on amd64): registers qemu-user with binfmt_misc
/// for the build, so the bootstrap and every command in the chroot run under emulation, and checks that the
/// host really runs the image's programs. Undone when the build ends, however it ends.
/// </summary>
public sealed class RunForeignArchitecture : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Registering qemu-user for the image's architecture";

    public override IReadOnlyList<Type> Predecessors => [typeof(Workspace.CreateBuildDirectory)];

    public override IEnumerable<HostTool> Tools => [new HostTool("qemu-aarch64-static", "qemu-user-static"), new HostTool("arch-test", "arch-test"), new HostTool("mount", "mount")];

    public override IEnumerable<HostTool> RequiredTools(Specs.BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [new HostTool(spec.Architecture.QemuUserBinary, "qemu-user-static"), new HostTool("arch-test", "arch-test"), new HostTool("mount", "mount")];
    }

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var architecture = context.Spec.Architecture;
        var registrations = new BinfmtRegistrations(context.Runner, context.Undo, context.Journal);
        if (await registrations.EnsureAsync(architecture.BinfmtName, context.Paths.BuildId, BuildOwnership.PathFor(context.Paths), cancellationToken))
        {
            context.Announce($"registered {architecture.BinfmtName} with binfmt_misc for this build; it is removed when the build ends");
        }

        foreach (var (name, value) in ForeignEnvironment.For(architecture))
        {
            context.BootstrapEnvironment[name] = value;
        }

        var test = await context.Runner.RunAsync(new CommandLine("arch-test", architecture.Debian), cancellationToken);
        if (!test.Succeeded)
        {
            throw new UserInputException($"this host cannot run {architecture.Debian} programs even with qemu-user registered (arch-test {architecture.Debian}: {test.StandardOutput.Trim()} {test.StandardError.Trim()}); build on a {architecture.Debian} host");
        }
    }
}
