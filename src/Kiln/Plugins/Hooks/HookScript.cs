namespace Kiln.Plugins.Hooks;

/// <summary>One hook script: an executable file named <c>NN-name</c> in a hook directory.</summary>
public sealed record HookScript(string Name, string Path)
{
    public int Order => int.Parse(Name.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
}
