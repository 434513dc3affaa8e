using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

public sealed class PhaseNamesTests
{
    [Theory]
    [InlineData(Phase.Validation, "validation")]
    [InlineData(Phase.VolumeCreation, "volume_creation")]
    [InlineData(Phase.OsInstallation, "os_installation")]
    [InlineData(Phase.PackageInstallation, "package_installation")]
    [InlineData(Phase.ImageRegistration, "image_registration")]
    public void A_phase_is_named_in_snake_case(Phase phase, string name)
    {
        phase.ToName().ShouldBe(name);
        PhaseNames.Parse(name).ShouldBe(phase);
    }

    [Fact]
    public void Every_phase_name_reads_back_as_its_phase()
    {
        foreach (var phase in Enum.GetValues<Phase>())
        {
            PhaseNames.Parse(phase.ToName()).ShouldBe(phase);
        }
    }

    [Theory]
    [InlineData("VolumeCreation")]
    [InlineData("volume-creation")]
    [InlineData("")]
    public void Anything_else_is_no_phase(string name)
    {
        PhaseNames.Parse(name).ShouldBeNull();
    }

    [Fact]
    public void There_are_the_13_phases_of_bootstrap_vz()
    {
        Enum.GetValues<Phase>().Select(p => p.ToName()).ShouldBe(
        [
            "validation", "preparation", "volume_creation", "volume_preparation", "volume_mounting", "os_installation", "package_installation",
            "system_modification", "user_modification", "system_cleaning", "volume_unmounting", "image_registration", "cleaning",
        ]);
    }
}
