using Kiln.Common.Host;
using Kiln.Common.Volume;
using Kiln.Extensions;
using Kiln.Platforms;
using Kiln.Specs;
using Kiln.Tasks;
using Kiln.VirtualMachines;

namespace Kiln.Builds;

/// <summary>The host programs Kiln may run, as the tasks declare them (what <c>kiln doctor</c> checks).</summary>
public static class HostToolInventory
{
    /// <summary>Every program of every known task, and QEMU for every architecture.</summary>
    public static IReadOnlyList<HostTool> All(ExtensionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var taskTools = TaskCatalog.FromAssemblies(registry.Assemblies).Tasks.SelectMany(task => task.Tools);
        var machineTools = Architectures.All.Select(a => new HostTool(a.QemuSystem, a.QemuSystemPackage)).Concat(QemuBootBackend.Tools);
        return Sorted(taskTools.Concat(machineTools));
    }

    /// <summary>What one build runs (its plan's tasks), and what booting its image needs.</summary>
    public static IReadOnlyList<HostTool> For(BuildSpec spec, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var machine = MachineDefinition.From(WriteBootRecord.For(spec), null);
        return Sorted(CheckHostTools.Collect(plan, spec).Concat(QemuBootBackend.ToolsFor(machine)));
    }

    private static List<HostTool> Sorted(IEnumerable<HostTool> tools) =>
        [.. tools.DistinctBy(t => t.Command).OrderBy(t => t.Command, StringComparer.Ordinal)];
}
