using Kiln.Providers.Docker;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Docker;

public sealed class DockerfileInstructionsTests
{
    private static ContainerConfig Apply(params string[] instructions)
    {
        var (config, problem) = DockerfileInstructions.Apply(new ContainerConfig(), instructions);
        problem.ShouldBeNull();
        return config;
    }

    [Fact]
    public void Shell_form_commands_run_through_sh_and_exec_form_ones_as_written()
    {
        Apply("CMD /bin/bash").Cmd.ShouldBe(["/bin/sh", "-c", "/bin/bash"]);
        Apply("CMD [\"/bin/bash\", \"-l\"]").Cmd.ShouldBe(["/bin/bash", "-l"]);
        Apply("ENTRYPOINT [\"/usr/bin/tini\", \"--\"]").Entrypoint.ShouldBe(["/usr/bin/tini", "--"]);
    }

    [Fact]
    public void Env_sets_pairs_with_quotes_and_the_legacy_form_and_a_later_value_replaces_an_earlier_one()
    {
        var config = Apply("ENV A=1 B=\"two words\"", "ENV C three words", "ENV A=again", "ENV PATH=/opt/bin:/usr/bin");

        config.Env.ShouldBe(["PATH=/opt/bin:/usr/bin", "A=again", "B=two words", "C=three words"]);
    }

    [Fact]
    public void Ports_volumes_labels_user_workdir_maintainer_and_onbuild_are_read_as_docker_reads_them()
    {
        var config = Apply("EXPOSE 80 53/udp", "EXPOSE 80/tcp", "VOLUME /data /logs", "VOLUME [\"/cache\"]", "LABEL a=b \"c d\"=e", "USER nobody", "WORKDIR /srv", "MAINTAINER Kiln <kiln@example.org>", "ONBUILD RUN true");

        config.ExposedPorts.ShouldBe(["80/tcp", "53/udp"]);
        config.Volumes.ShouldBe(["/data", "/logs", "/cache"]);
        config.Labels.ShouldBe([new("a", "b"), new("c d", "e")]);
        config.User.ShouldBe("nobody");
        config.WorkingDir.ShouldBe("/srv");
        config.Author.ShouldBe("Kiln <kiln@example.org>");
        config.OnBuild.ShouldBe(["RUN true"]);
    }

    [Theory]
    [InlineData("EXPOSE http", "`http` is not a port")]
    [InlineData("CMD [\"unclosed\"", "JSON form")]
    [InlineData("WORKDIR srv", "absolute path")]
    [InlineData("ENV A=\"open", "NAME=value")]
    [InlineData("VOLUME data", "absolute paths")]
    [InlineData("LABEL justakey", "key=value")]
    public void A_malformed_instruction_is_reported_with_its_index(string instruction, string reason)
    {
        var (_, problem) = DockerfileInstructions.Apply(new ContainerConfig(), ["CMD /bin/true", instruction]);

        problem.ShouldNotBeNull();
        problem.Value.Index.ShouldBe(1);
        problem.Value.Message.ShouldContain(reason);
    }
}
