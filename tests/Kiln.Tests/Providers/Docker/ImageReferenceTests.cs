using Kiln.Providers.Docker;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Docker;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("debian-stretch-amd64:latest", "debian-stretch-amd64", "latest", "debian-stretch-amd64_latest")]
    [InlineData("registry.example.org:5000/team/debian", "registry.example.org:5000/team/debian", "latest", "registry.example.org:5000_team_debian_latest")]
    [InlineData("team/debian:12.5", "team/debian", "12.5", "team_debian_12.5")]
    public void A_name_is_a_repository_and_a_tag_which_is_latest_when_none_is_given(string name, string repository, string tag, string fileBase)
    {
        var (reference, problem) = ImageReference.Parse(name);

        problem.ShouldBeNull();
        reference!.Repository.ShouldBe(repository);
        reference.Tag.ShouldBe(tag);
        reference.FileBase.ShouldBe(fileBase);
    }

    [Theory]
    [InlineData("Debian:latest", "not a container repository name")]
    [InlineData("debian:-x", "not a container image tag")]
    [InlineData("debian bookworm", "not a container repository name")]
    public void Names_docker_cannot_use_are_refused(string name, string reason)
    {
        ImageReference.Parse(name).Problem.ShouldNotBeNull().ShouldContain(reason);
    }
}
