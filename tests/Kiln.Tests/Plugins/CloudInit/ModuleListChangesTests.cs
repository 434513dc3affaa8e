using Kiln.Plugins.CloudInit;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.CloudInit;

public sealed class ModuleListChangesTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ModuleEntry>> Lists = CloudConfig.Parse(DebianCloudConfig.Text).ModuleLists;

    [Fact]
    public void A_disabled_module_leaves_its_list_whether_written_with_dashes_or_underscores()
    {
        var (changed, notListed) = ModuleListChanges.Apply(Lists, ["growpart", "write_files", "final-message"], []);

        Names(changed, "cloud_init_modules").ShouldBe(["seed_random", "bootcmd", "resizefs", "users-groups", "ssh"]);
        Names(changed, "cloud_final_modules").ShouldBe(["scripts-user"]);
        changed.ContainsKey("cloud_config_modules").ShouldBeFalse();
        notListed.ShouldBeEmpty();
    }

    [Fact]
    public void A_disabled_module_that_no_list_has_is_reported()
    {
        var (changed, notListed) = ModuleListChanges.Apply(Lists, ["byobu", "ssh"], []);

        notListed.ShouldBe(["byobu"]);
        changed.Keys.ShouldBe(["cloud_init_modules"]);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(4, 2)]
    [InlineData(8, 6)]
    [InlineData(9, 7)]
    [InlineData(100, 7)]
    public void The_position_counts_from_the_lists_heading_as_in_bootstrap_vz(long position, int index)
    {
        var (changed, _) = ModuleListChanges.Apply(Lists, [], [new ModuleInsertion("cloud_init_modules", "ansible", position)]);

        Names(changed, "cloud_init_modules").IndexOf("ansible").ShouldBe(index);
        changed["cloud_init_modules"].Count.ShouldBe(8);
    }

    [Fact]
    public void A_module_the_list_already_has_moves_to_the_position_with_its_arguments()
    {
        var (changed, _) = ModuleListChanges.Apply(Lists, [], [new ModuleInsertion("cloud_config_modules", "runcmd", 2)]);

        changed["cloud_config_modules"].Select(m => m.Render()).ShouldBe(["[runcmd, always]", "locale"]);
    }

    [Fact]
    public void A_module_another_list_has_moves_into_the_named_list_with_its_arguments_and_leaves_the_other()
    {
        var (changed, _) = ModuleListChanges.Apply(Lists, [], [new ModuleInsertion("cloud_final_modules", "runcmd", 2)]);

        changed["cloud_final_modules"].Select(m => m.Render()).ShouldBe(["[runcmd, always]", "scripts-user", "final-message"]);
        Names(changed, "cloud_config_modules").ShouldBe(["locale"]);
    }

    [Fact]
    public void Insertions_into_one_list_apply_in_manifest_order()
    {
        var insertions = new[] { new ModuleInsertion("cloud_final_modules", "puppet", 2), new ModuleInsertion("cloud_final_modules", "chef", 2) };

        var (changed, _) = ModuleListChanges.Apply(Lists, [], insertions);

        Names(changed, "cloud_final_modules").ShouldBe(["chef", "puppet", "scripts-user", "final-message"]);
    }

    private static List<string> Names(IReadOnlyDictionary<string, IReadOnlyList<ModuleEntry>> lists, string section) => [.. lists[section].Select(m => m.Name)];
}
