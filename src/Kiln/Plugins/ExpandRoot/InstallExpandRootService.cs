using Kiln.Common;
using Kiln.Common.Services;
using Kiln.Tasks;

namespace Kiln.Plugins.ExpandRoot;

/// <summary>Installs kiln-expand-root and the unit that runs it at every boot, and enables the unit.</summary>
public sealed class InstallExpandRootService : BuildTask
{
    public const string ScriptPath = "/usr/local/sbin/kiln-expand-root";

    public const string UnitName = "kiln-expand-root.service";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Installing the unit that grows the root at boot";

    public override IReadOnlyList<Type> Successors => [typeof(EnableUnits)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(ScriptPath, ImageFiles.Asset<ExpandRootPlugin>("Plugins/ExpandRoot/assets/kiln-expand-root"), ImageFiles.Executable);
        context.WriteFile($"/etc/systemd/system/{UnitName}", Unit(context.Spec.SettingsOf<ExpandRootSettings>()));
        context.EnabledUnits.Add(UnitName);
        return Task.CompletedTask;
    }

    public static string Unit(ExpandRootSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ImageFiles.Asset<ExpandRootPlugin>($"Plugins/ExpandRoot/assets/{UnitName}").Replace("@ARGUMENTS@", settings.ScriptArguments(), StringComparison.Ordinal);
    }
}
