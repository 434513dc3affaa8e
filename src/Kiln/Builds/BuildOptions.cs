namespace Kiln.Builds;

/// <summary>How <c>kiln build</c> was asked to run.</summary>
public sealed record BuildOptions
{
    /// <summary>Where the image goes; the manifest's workspace when null.</summary>
    public string? OutputDirectory { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Called with the error before the rollback (<c>--pause-on-error</c>).</summary>
    public Func<Exception, Task>? BeforeRollback { get; init; }

    /// <summary>Shows a message to the user immediately.</summary>
    public Action<string> Announce { get; init; } = _ => { };
}
