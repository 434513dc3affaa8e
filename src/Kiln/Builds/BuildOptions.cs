namespace Kiln.Builds;

/// <summary>How <c>kiln build</c> was asked to run.</summary>
public sealed record BuildOptions
{
    public bool DryRun { get; init; }

    /// <summary>The build's id: the name of its directory in the workspace, and part of its log file's name.</summary>
    public string BuildId { get; init; } = ImageBuilder.NewBuildId();

    /// <summary>Called with the error before the rollback (<c>--pause-on-error</c>).</summary>
    public Func<Exception, Task>? BeforeRollback { get; init; }

    /// <summary>Told the build's context as soon as it exists (the CLI asks it whether the outputs are published yet).</summary>
    public Action<Tasks.BuildContext> ContextCreated { get; init; } = _ => { };

    /// <summary>The build's place among the builds of its run that go at once; given back while it waits for another build.</summary>
    public JobSlot JobSlot { get; init; } = JobSlot.None;

    /// <summary>Shows a message to the user immediately.</summary>
    public Action<string> Announce { get; init; } = _ => { };
}
