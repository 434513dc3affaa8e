namespace Kiln.Common.Workspace;

/// <summary>A removal running in the background, awaited before the build directory goes.</summary>
public sealed class BackgroundRemoval
{
    public Task? Task { get; set; }

    public async Task WaitAsync()
    {
        if (Task is { } running)
        {
            await running;
        }
    }
}
