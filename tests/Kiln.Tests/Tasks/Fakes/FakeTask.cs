using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>A task for planner tests: it does nothing; its type, phase and ordering are what matter.</summary>
public abstract class FakeTask : BuildTask
{
    public override string Description => $"Doing {Name}";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
