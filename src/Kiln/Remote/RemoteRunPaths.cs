namespace Kiln.Remote;

/// <summary>
/// The directory of one remote build on the server (<c>WORKSPACE/kiln-remote-ID</c>): the manifest's directory in
/// <c>input/</c>, the image in <c>output/</c>, the build's log in <c>logs/</c>. Removed when the build is over.
/// </summary>
public sealed record RemoteRunPaths(string Workspace, string Id)
{
    public string Directory => $"{Workspace.TrimEnd('/')}/{Id}";

    public string Input => $"{Directory}/input";

    public string Output => $"{Directory}/output";

    public string Logs => $"{Directory}/logs";

    /// <summary>A new run id: <c>kiln-remote-</c>, the time and a random part (not a build directory's name, which kiln clean would take).</summary>
    public static string NewId() => $"kiln-remote-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
}
