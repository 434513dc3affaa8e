namespace Kiln.Plugins.RootPassword;

/// <summary>The random root password a build set (<c>random: true</c>), for <c>kiln build --password-file</c>.</summary>
public sealed class GeneratedRootPassword
{
    public string? Password { get; set; }
}
