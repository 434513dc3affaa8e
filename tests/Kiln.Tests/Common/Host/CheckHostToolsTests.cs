using Kiln.Builds;
using Kiln.Common.Host;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Host;

public sealed class CheckHostToolsTests
{
    [Fact]
    public void The_tools_of_every_planned_task_are_collected_once()
    {
        var manifest = TestManifests.Read(TestManifests.Minimal.Replace("backing: raw", "backing: qcow2", StringComparison.Ordinal));
        var plan = BuildPlanning.CreatePlan(manifest, TestManifests.Registry);

        var tools = CheckHostTools.Collect(plan, manifest);

        tools.ShouldContain(new HostTool("mmdebstrap", "mmdebstrap"));
        tools.ShouldContain(new HostTool("sfdisk", "fdisk"));
        tools.ShouldContain(new HostTool("mkfs.ext4", "e2fsprogs"));
        tools.ShouldContain(new HostTool("qemu-img", "qemu-utils"));
        tools.Select(t => t.Command).ShouldBeUnique();
        tools.ShouldNotContain(t => t.Command == "debootstrap" || t.Command == "extlinux");
    }
}
