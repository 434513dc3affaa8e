using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>A task for executor tests: it notes that it ran in a shared log, then does what the test says.</summary>
public sealed class RecordingTask(string name, List<string> log, Func<BuildContext, CancellationToken, Task>? action = null, Phase phase = Phase.Preparation) : BuildTask
{
    public override string Name => name;

    public override Phase Phase => phase;

    public override string Description => $"Recording {name}";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        log.Add($"run {name}");
        if (action is not null)
        {
            await action(context, cancellationToken);
        }
    }
}
