using Amazon.Runtime;
using Kiln.Providers.Ec2.Publishing;
using Kiln.Publishing;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Ec2;

public sealed class AwsConnectionTests
{
    private static CloudAccess Access(Dictionary<string, string> environment, Dictionary<string, string>? manifest = null) => new()
    {
        Environment = name => environment.GetValueOrDefault(name),
        ManifestCredentials = manifest ?? [],
    };

    [Fact]
    public void The_sdks_environment_variables_give_the_credentials_and_the_secret_is_masked()
    {
        var access = Access(new() { ["AWS_ACCESS_KEY_ID"] = "AKIAENV", ["AWS_SECRET_ACCESS_KEY"] = "env-secret", ["AWS_SESSION_TOKEN"] = "env-token" });

        var connection = AwsConnection.Resolve(Ec2Records.Target, access);

        connection.CredentialSource.ShouldBe("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        connection.Credentials.ShouldBeOfType<SessionAWSCredentials>().GetCredentials().AccessKey.ShouldBe("AKIAENV");
        access.Secrets.MaskerWith([]).Mask("a env-secret and env-token b").ShouldNotContain("env-");
        connection.Region.SystemName.ShouldBe("eu-west-1");
    }

    [Fact]
    public void The_manifests_credentials_come_first_then_bootstrap_vzs_variables()
    {
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY"] = "AKIALEGACY", ["AWS_SECRET_KEY"] = "legacy", ["AWS_ACCESS_KEY_ID"] = "AKIAENV", ["AWS_SECRET_ACCESS_KEY"] = "env" };

        AwsConnection.Resolve(Ec2Records.Target, Access(environment, new() { ["access-key"] = "AKIAMANIFEST", ["secret-key"] = "m" })).CredentialSource.ShouldBe("the manifest's provider.credentials");
        AwsConnection.Resolve(Ec2Records.Target, Access(environment)).CredentialSource.ShouldBe("AWS_ACCESS_KEY and AWS_SECRET_KEY");
    }

    [Fact]
    public void The_region_is_the_manifests_else_aws_region_else_aws_default_region()
    {
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "A", ["AWS_SECRET_ACCESS_KEY"] = "s", ["AWS_DEFAULT_REGION"] = "us-east-2" };

        AwsConnection.Resolve(Ec2Records.Target with { Region = null }, Access(environment)).Region.SystemName.ShouldBe("us-east-2");
        environment["AWS_REGION"] = "ap-south-1";
        AwsConnection.Resolve(Ec2Records.Target with { Region = null }, Access(environment)).Region.SystemName.ShouldBe("ap-south-1");
        AwsConnection.Resolve(Ec2Records.Target, Access(environment)).Region.SystemName.ShouldBe("eu-west-1");
    }

    [Fact]
    public void Endpoints_are_the_sdks_per_service_overrides_then_the_global_one_unless_ignored()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000", ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:4568" };

        AwsConnection.Endpoint(Access(environment), "S3").ShouldBe(new Uri("http://127.0.0.1:4568"));
        AwsConnection.Endpoint(Access(environment), "EC2").ShouldBe(new Uri("http://127.0.0.1:9000"));
        environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        AwsConnection.Endpoint(Access(environment), "S3").ShouldBeNull();
    }

    [Fact]
    public void An_endpoint_that_is_no_url_is_one_sentence_saying_what_to_set()
    {
        Should.Throw<UserInputException>(() => AwsConnection.Endpoint(Access(new() { ["AWS_ENDPOINT_URL_EC2"] = "localhost:9000" }), "EC2"))
            .Message.ShouldBe("AWS_ENDPOINT_URL_EC2 (or AWS_ENDPOINT_URL) is `localhost:9000`, which is no http or https URL; set it to the endpoint's URL or unset it");
    }

    [Fact]
    public void A_profile_that_does_not_exist_is_refused_with_how_to_make_it()
    {
        var environment = new Dictionary<string, string> { ["AWS_CONFIG_FILE"] = "/nonexistent/config", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials" };

        Should.Throw<UserInputException>(() => AwsConnection.Resolve(Ec2Records.Target with { Profile = "kiln-test-absent" }, Access(environment)))
            .Message.ShouldStartWith("the AWS profile `kiln-test-absent` is in neither ~/.aws/credentials nor ~/.aws/config");
    }
}
