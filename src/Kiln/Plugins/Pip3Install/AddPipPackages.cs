using Kiln.Tasks;

namespace Kiln.Plugins.Pip3Install;

/// <summary>
/// Adds pip, and with <c>build_tools</c> (the default, as in bootstrap-vz) a compiler and Python's headers for
/// packages that build C extensions.
/// </summary>
public sealed class AddPipPackages(string pluginName) : BuildTask
{
    public AddPipPackages()
        : this(Pip3InstallPlugin.PluginName)
    {
    }

    public override string Name => $"AddPipPackages.{pluginName}";

    public override Phase Phase => Phase.Preparation;

    public override string Description => $"Adding pip for {pluginName}";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var package in Packages(context.Spec.SettingsOf<PipSettings>(pluginName)))
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }

    public static IReadOnlyList<string> Packages(PipSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.BuildTools ? ["python3-pip", "python3-dev", "build-essential"] : ["python3-pip"];
    }
}
