using Kiln.Host;
using Kiln.Plugins.FileCopy;
using Kiln.Tasks;

namespace Kiln.Plugins.Commands;

/// <summary>
/// Runs the manifest's commands on the host, in order, from the manifest's directory. A command of one part
/// is a shell command line (<c>sh -c</c>: globs, pipes and redirections work); a command of several parts is
/// run directly, each part one argument. The root's /proc, /sys and /dev are mounted, so <c>chroot {root}</c> works.
/// </summary>
public sealed class RunManifestCommands : BuildTask
{
    public override Phase Phase => Phase.UserModification;

    public override string Description => "Running the manifest's commands";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateDirectories), typeof(CopyFiles)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<CommandsSettings>();
        var template = new CommandTemplate(context.Spec.Values, context.Manifest.BuildTime, context.Paths.Root, context.Mirror, context.SecurityMirror);
        foreach (var command in settings.Commands)
        {
            // With the image environment (SOURCE_DATE_EPOCH), as every other program that writes the image's files.
            var line = context.ImageEnvironment.Aggregate(CommandLineFor(command, template, settings.WorkingDirectory), (l, variable) => l.WithEnvironment(variable.Key, variable.Value));
            await context.Runner.RunCheckedAsync(line, cancellationToken);
        }
    }

    public static CommandLine CommandLineFor(IReadOnlyList<string> parts, CommandTemplate template, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(template);
        var problems = new List<string>();
        var argv = parts.Select(part => template.Render(part, problems)).ToList();
        if (problems.Count > 0)
        {
            throw new UserInputException($"commands: {problems[0]}");
        }

        var command = argv.Count == 1 ? new CommandLine("/bin/sh", "-c", argv[0]) : new CommandLine(argv[0], argv.Skip(1));
        return command with { WorkingDirectory = workingDirectory };
    }
}
