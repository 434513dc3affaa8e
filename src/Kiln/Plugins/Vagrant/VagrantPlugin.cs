using Kiln.Common;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Providers.Kvm;
using Kiln.Providers.VirtualBox;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Vagrant;

/// <summary>
/// bootstrap-vz's vagrant plugin: a Vagrant box beside the disk image (virtualbox: OVF + VMDK; libvirt: qcow2),
/// the vagrant user with passwordless sudo and Vagrant's insecure key, SSH as Vagrant expects it.
/// </summary>
public sealed class VagrantPlugin : Plugin<VagrantSettings>
{
    public const string PluginName = "vagrant";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin vagrant", typeof(VagrantPlugin).Assembly, "Plugins/Vagrant/manifest-schema.yml");

    public override VagrantSettings Bind(SettingsSection section) => VagrantSettings.Bind(section);

    public override IReadOnlyList<BuildOutput> DeclareOutputs(VagrantSettings settings, Manifest manifest, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(manifest);
        return [new VagrantBoxOutput(Path.Combine(outputDirectory, manifest.Name + VagrantBoxOutput.Extension), settings.BoxProviderFor(manifest.Provider.Name))];
    }

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, VagrantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var provider = spec.Manifest.Provider.Name;
        var box = settings.BoxProviderFor(provider);
        var where = settings.BoxProvider is null ? settings.Where.SectionKey : settings.Where.Of("provider");
        if (provider is not (VirtualBoxProvider.ProviderName or KvmProvider.ProviderName))
        {
            yield return new ManifestError(settings.Where.SectionKey, $"the vagrant plugin makes boxes of virtualbox and kvm images, not of {provider} images; use provider virtualbox or kvm");
            yield break;
        }

        if (box == VagrantSettings.VirtualBox && provider != VirtualBoxProvider.ProviderName)
        {
            yield return new ManifestError(where, "a box for Vagrant's virtualbox provider needs an image made for VirtualBox (its kernel and hardware); use provider virtualbox, or provider: libvirt here");
        }
        else if (box == VagrantSettings.Libvirt && provider != KvmProvider.ProviderName)
        {
            yield return new ManifestError(where, "a box for vagrant-libvirt needs an image made for KVM (virtio); use provider kvm, or provider: virtualbox here");
        }

        if (!spec.ProviderProfile.SshServer)
        {
            yield return new ManifestError(settings.Where.SectionKey, "Vagrant logs in over SSH, but provider.ssh is false; remove `ssh: false`");
        }

        if (spec.Platform.Firmware == Firmware.Uefi)
        {
            yield return new ManifestError(settings.Where.SectionKey, "Vagrant's boxes start their machines from a BIOS, and this image boots only from UEFI; set system.firmware to bios or hybrid");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, VagrantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddVagrantPackages>()
            .Add<CreateVagrantUser>()
            .Add<AllowVagrantSudo>()
            .Add<InstallInsecureKey>()
            .Add<ConfigureSshForVagrant>()
            .Add<PackVagrantBox>();
    }
}
