using Kiln.Tasks;

namespace Kiln.Cli.Tests.Output;

/// <summary>A task that only has a name, a phase and a description, for progress output.</summary>
public sealed class StandInTask(string name, Phase phase, string description) : BuildTask
{
    public override string Name => name;

    public override Phase Phase => phase;

    public override string Description => description;

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
