using System.CommandLine;
using Kiln.Caching;
using Kiln.Disks;
using Kiln.Builds;
using Kiln.Cli.Output;
using Kiln.Host;
using Kiln.Platforms;
using Kiln.Tasks;
using Kiln.VirtualMachines;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln doctor</c>: what this host can do for Kiln: the programs tasks declare (every task Kiln knows, or
/// the plan of one manifest), root, loop devices, UEFI firmware, foreign architectures, KVM, the mirror, stale
/// builds. Quick (KVM is tried only with <c>--kvm</c>); it shows what needs attention unless <c>--all</c>. Exit 0
/// when the host can build, 2 when a required tool is missing and cannot be installed here.
/// </summary>
public static class DoctorCommand
{
    public static Command Create(Interruption interruption)
    {
        var manifest = new Argument<string?>("manifest") { Description = "Check only what this manifest's build needs (default: everything Kiln can do)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Show every check, also those that passed" };
        var kvm = new Option<bool>("--kvm") { Description = "Also try whether KVM runs a guest (boots a one-sector guest; a few seconds)" };
        var json = CommonOptions.Json("every check with its status");
        var command = new Command("doctor", "Check what this host offers Kiln: tools, root, loop devices, firmware, KVM, the Debian mirror, stale builds") { manifest, all, kvm, json, CommonOptions.PluginPath() };
        command.SetAction(async (result, _) =>
        {
            var registry = Registries.Load(result);
            var checks = new List<DoctorCheck>();
            var missingTools = new List<HostTool>();
            foreach (var tool in ToolsToCheck(result.GetValue(manifest), registry))
            {
                var path = HostToolCheck.Locate(tool.Command);
                if (path is null)
                {
                    missingTools.Add(tool);
                }

                checks.Add(path is null
                    ? new DoctorCheck(DoctorStatus.Missing, tool.Command, HostToolInstaller.CanInstall ? $"apt-get install {tool.Package} (kiln build installs it when it needs it)" : $"apt-get install {tool.Package}") { Package = tool.Package }
                    : new DoctorCheck(DoctorStatus.Ok, tool.Command, path));
            }

            foreach (var (name, files) in FirmwareOf(Architectures.All))
            {
                var code = files.FindCode();
                checks.Add(code is not null
                    ? new DoctorCheck(DoctorStatus.Ok, name, code)
                    : new DoctorCheck(DoctorStatus.Warning, name, $"not installed ({string.Join(", ", files.Code)}): apt-get install {files.Package}; only kiln test/boot of such images need it") { Package = files.Package });
            }

            var root = Environment.UserName == "root";
            checks.Add(new DoctorCheck(root ? DoctorStatus.Ok : DoctorStatus.Warning, "root", root ? "yes" : "no: builds need root (chroot, mount, losetup); --dry-run, validate, plan and summary do not"));
            var loop = File.Exists("/dev/loop-control");
            checks.Add(new DoctorCheck(loop ? DoctorStatus.Ok : DoctorStatus.Warning, "loop devices", loop ? "/dev/loop-control present" : "no /dev/loop-control: XFS partitions and extlinux need loop devices"));
            checks.Add(new DoctorCheck(DoctorStatus.Info, "host architecture", $"{HostMachine.Name}: {string.Join(", ", Architectures.All.Select(a => $"{a.Debian} {(HostMachine.RunsNatively(a) ? "natively" : "under qemu-user")}"))}"));
            checks.Add(new DoctorCheck(DoctorStatus.Info, "KVM", await KvmLineAsync(result.GetValue(kvm), result, interruption.Token)));
            var stale = StaleBuilds.Find(Manifests.BootstrapperSection.DefaultWorkspace);
            checks.Add(new DoctorCheck(stale.Count == 0 ? DoctorStatus.Ok : DoctorStatus.Warning, "stale builds", stale.Count == 0
                ? $"none in {Manifests.BootstrapperSection.DefaultWorkspace}"
                : $"{string.Join(", ", stale)} (their process is gone; `kiln clean` gives back what they left)"));
            var cache = TreeCacheSettings.FromEnvironment(Environment.GetEnvironmentVariable, Environment.IsPrivilegedProcess);
            var entries = new TreeStore(cache.Directory).Entries();
            checks.Add(new DoctorCheck(DoctorStatus.Info, "cache", $"{cache.Directory}: {entries.Count} tree(s), {new ByteSize(entries.Sum(e => e.Bytes))} of at most {cache.SizeLimit} (KILN_CACHE_DIR, KILN_CACHE_SIZE; `kiln clean --cache` empties it)"));
            var packages = PackageCacheContents.Measure(cache.PackagesDirectory);
            checks.Add(new DoctorCheck(DoctorStatus.Info, "package cache", $"{cache.PackagesDirectory}: {packages.Files} package file(s), {new ByteSize(packages.Bytes)} (one version of each package bootstraps used; `kiln clean --cache` empties it)"));
            var mirrors = HostAptConfiguration.ReadMirrors();
            checks.Add(new DoctorCheck(mirrors.Archive is not null ? DoctorStatus.Ok : DoctorStatus.Warning, "Debian mirror", mirrors.Archive ?? "none in the host's apt sources: manifests must set bootstrapper.mirror"));

            var exit = missingTools.Count > 0 && !HostToolInstaller.CanInstall ? 2 : 0;
            var verdict = missingTools.Count == 0
                ? "ready: every host tool is present"
                : exit == 0
                    ? $"{missingTools.Count} host tool(s) missing; kiln build installs them with apt (root on Debian)"
                    : $"{missingTools.Count} host tool(s) missing and not installable here (needs root on Debian): apt-get install {string.Join(' ', missingTools.Select(t => t.Package).Distinct(StringComparer.Ordinal))}";
            if (result.GetValue(json))
            {
                var document = new JObject
                {
                    ["ready"] = exit == 0,
                    ["exitCode"] = exit,
                    ["verdict"] = verdict,
                    ["checks"] = new JArray(checks.Select(c => new JObject { ["name"] = c.Name, ["status"] = c.Status.ToString().ToLowerInvariant(), ["detail"] = c.Detail, ["package"] = c.Package })),
                };
                Console.Out.WriteLine(document.ToString(Newtonsoft.Json.Formatting.Indented));
                return exit;
            }

            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            var shown = result.GetValue(all) ? checks : [.. checks.Where(c => c.Status is DoctorStatus.Missing or DoctorStatus.Warning)];
            var width = Math.Max(12, shown.Select(c => c.Name.Length).DefaultIfEmpty(0).Max());
            foreach (var check in shown)
            {
                var label = check.Status switch
                {
                    DoctorStatus.Ok => "[green]ok     [/]",
                    DoctorStatus.Missing => "[red]missing[/]",
                    DoctorStatus.Warning => "[yellow]warning[/]",
                    _ => "[blue]info   [/]",
                };
                terminal.Line($"{label} {Markup.Escape(check.Name.PadRight(width))}  {Markup.Escape(check.Detail)}");
            }

            terminal.Plain(verdict + (result.GetValue(all) ? string.Empty : $" ({checks.Count - shown.Count} checks passed; --all shows them)"));
            return exit;
        });
        return command;
    }

    private static async Task<string> KvmLineAsync(bool probe, ParseResult result, CancellationToken cancellationToken)
    {
        if (!File.Exists("/dev/kvm"))
        {
            return "no /dev/kvm: guests run with TCG software emulation (slower)";
        }

        if (!probe || HostToolCheck.Locate(QemuCommand.X86Program) is null)
        {
            return "/dev/kvm present; kiln test and boot try it and fall back to TCG (--kvm tries it now)";
        }

        using var logging = new LogSetup(null, result.GetValue(CommonOptions.Debug));
        var accelerator = await KvmProbe.DetectAsync(new CommandRunner(logging.Factory.CreateLogger<CommandRunner>()), cancellationToken);
        return accelerator == Accelerator.Kvm ? "usable: a guest ran with KVM" : "not usable here: guests run with TCG software emulation (slower)";
    }

    private static IReadOnlyList<HostTool> ToolsToCheck(string? manifestPath, Extensions.ExtensionRegistry registry)
    {
        if (manifestPath is null)
        {
            return HostToolInventory.All(registry);
        }

        var spec = ManifestSource.Read(manifestPath, registry);
        return HostToolInventory.For(spec, BuildPlanning.CreatePlan(spec, registry));
    }

    /// <summary>The UEFI firmware of the architectures Kiln boots with UEFI (i386 images are BIOS only).</summary>
    private static IEnumerable<(string Name, FirmwareFiles Files)> FirmwareOf(IEnumerable<ArchitectureProfile> architectures)
    {
        foreach (var architecture in architectures.Where(a => a != Architectures.I386))
        {
            yield return ($"UEFI ({architecture.Debian})", architecture.Uefi);
            if (architecture.SecureBootUefi is { } secure)
            {
                yield return ($"Secure Boot ({architecture.Debian})", secure);
            }
        }
    }
}
