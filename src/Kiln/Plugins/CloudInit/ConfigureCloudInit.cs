using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Plugins.CloudInit;

/// <summary>
/// Writes the plugin's cloud.cfg.d file from the manifest and the installed package's cloud.cfg, after
/// checking that the package has every enabled module and data source.
/// </summary>
public sealed class ConfigureCloudInit : BuildTask
{
    public const string PackageConfigPath = "/etc/cloud/cloud.cfg";

    public const string PythonPackagePath = "/usr/lib/python3/dist-packages/cloudinit";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring cloud-init";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<CloudInitSettings>();
        CheckInstalled(context, settings);
        var packageConfig = CloudConfig.Parse(File.ReadAllText(context.Paths.InRoot(PackageConfigPath)));
        var (changed, notListed) = ModuleListChanges.Apply(packageConfig.ModuleLists, settings.DisableModules, settings.EnableModules);
        foreach (var name in notListed)
        {
            context.Announce($"cloud_init: the module `{name}` in disable_modules is not in this cloud-init's module lists, so it does not run anyway");
        }

        context.WriteFile(CloudInitDropIn.PathInImage, CloudInitDropIn.Render(settings, packageConfig, changed));
        return Task.CompletedTask;
    }

    private static void CheckInstalled(BuildContext context, CloudInitSettings settings)
    {
        var release = context.Release.Codename;
        foreach (var insertion in settings.EnableModules)
        {
            var file = $"{PythonPackagePath}/config/cc_{ModuleEntry.Key(insertion.Module)}.py";
            if (!File.Exists(context.Paths.InRoot(file)))
            {
                throw new UserInputException($"cloud_init.enable_modules: cloud-init in {release} has no module `{insertion.Module}` ({file} is missing)");
            }
        }

        foreach (var source in settings.MetadataSources)
        {
            var file = $"{PythonPackagePath}/sources/DataSource{source}.py";
            if (!File.Exists(context.Paths.InRoot(file)))
            {
                throw new UserInputException($"cloud_init.metadata_sources: cloud-init in {release} has no data source `{source}` ({file} is missing)");
            }
        }
    }
}
