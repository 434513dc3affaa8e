using Kiln.Builds;
using Kiln.Common.Boot;
using Kiln.Common.Bootstrap;
using Kiln.Common.Packages;
using Kiln.Common.Volume;
using Kiln.Manifests;
using Kiln.Plugins.RootPassword;
using Kiln.Providers.Kvm;
using Kiln.Tasks;
using Shouldly;
using Xunit;
using Kiln.Specs;

namespace Kiln.Tests.Builds;

public sealed class BuildPlanningTests
{
    [Fact]
    public void The_default_manifest_bootstraps_before_installing_packages()
    {
        var names = PlanNames(DefaultManifest());

        names.IndexOf(nameof(BootstrapSystem)).ShouldBeLessThan(names.IndexOf(nameof(InstallPackages)));
    }

    [Fact]
    public void The_default_manifest_writes_the_filesystems_then_grubs_boot_code_then_the_image()
    {
        var names = PlanNames(DefaultManifest());

        names.ShouldContain(nameof(WriteFilesystems));
        names.IndexOf(nameof(WriteFilesystems)).ShouldBeLessThan(names.IndexOf(nameof(InstallGrubBootCode)));
        names.IndexOf(nameof(InstallGrubBootCode)).ShouldBeLessThan(names.IndexOf(nameof(ConvertImage)));
        names.IndexOf(nameof(ConfigureGrub)).ShouldBeLessThan(names.IndexOf(nameof(WriteFilesystems)));
    }

    [Fact]
    public void The_default_manifest_has_no_extlinux_task()
    {
        var names = PlanNames(DefaultManifest());

        names.ShouldNotContain(nameof(AddExtlinuxPackages));
        names.ShouldNotContain(nameof(ConfigureExtlinux));
        names.ShouldNotContain(nameof(InstallExtlinux));
    }

    [Fact]
    public void An_extlinux_manifest_installs_extlinux_after_writing_the_filesystems_and_has_no_grub_task()
    {
        var manifest = TestManifests.Read(TestManifests.Minimal.Replace("  release: bookworm", "  release: bookworm\n  bootloader: extlinux", StringComparison.Ordinal));

        var names = PlanNames(manifest);

        names.IndexOf(nameof(WriteFilesystems)).ShouldBeLessThan(names.IndexOf(nameof(InstallExtlinux)));
        names.IndexOf(nameof(InstallExtlinux)).ShouldBeLessThan(names.IndexOf(nameof(ConvertImage)));
        names.ShouldContain(nameof(ConfigureExtlinux));
        names.ShouldNotContain(nameof(AddGrubPackages));
        names.ShouldNotContain(nameof(ConfigureGrub));
        names.ShouldNotContain(nameof(InstallGrubBootCode));
    }

    [Fact]
    public void The_plan_runs_phase_by_phase()
    {
        var plan = BuildPlanning.CreatePlan(DefaultManifest(), TestManifests.Registry);

        plan.Steps.Select(s => s.Phase).ShouldBeInOrder(SortDirection.Ascending);
        plan.Steps.Select(s => s.Position).ShouldBe(Enumerable.Range(1, plan.Steps.Count));
    }

    [Fact]
    public void The_default_manifest_chooses_the_random_root_password_and_the_serial_console()
    {
        var tasks = BuildPlanning.ChooseTasks(DefaultManifest());

        tasks.Contains<SetRootPassword>().ShouldBeTrue();
        tasks.Contains<ConfigureConsole>().ShouldBeTrue();
        tasks.Contains<KeepVirtualConsoleOutput>().ShouldBeFalse();
        tasks.Contains<LoadVirtioModules>().ShouldBeFalse();
    }

    [Fact]
    public void An_unpartitioned_disk_is_not_partitioned()
    {
        var manifest = TestManifests.Read(TestManifests.Minimal
            .Replace("  release: bookworm", "  release: bookworm\n  bootloader: extlinux", StringComparison.Ordinal)
            .Replace("type: msdos", "type: none", StringComparison.Ordinal));

        PlanNames(manifest).ShouldNotContain(nameof(PartitionDiskImage));
        PlanNames(TestManifests.Read(TestManifests.Minimal)).ShouldContain(nameof(PartitionDiskImage));
    }

    private static BuildSpec DefaultManifest() =>
        new ManifestReader(TestManifests.Registry).Read(ManifestLoader.LoadText(Kiln.Builds.DefaultManifest.Text, Kiln.Builds.DefaultManifest.DisplayName), TestManifests.BuildTime, TestManifests.Options);

    private static List<string> PlanNames(BuildSpec manifest) => [.. BuildPlanning.CreatePlan(manifest, TestManifests.Registry).Tasks.Select(t => t.Name)];
}
