using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Kiln.Publishing.S3;

/// <summary>
/// S3 access keys, read as the AWS CLI and SDK read them: the manifest's bootstrap-vz credentials first
/// (access-key, secret-key, session-token), then bootstrap-vz's AWS_ACCESS_KEY/AWS_SECRET_KEY, then
/// AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, then the named profile or AWS_PROFILE
/// (~/.aws/credentials and config), then the SDK's own chain. OCI's customer secret keys are S3 access keys too.
/// </summary>
public static class AwsCredentialChain
{
    public static (AWSCredentials Credentials, string Source) Resolve(CloudAccess access, string? profile, string missingHint)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.ManifestCredentials.TryGetValue("access-key", out var key) && access.ManifestCredentials.TryGetValue("secret-key", out var secret))
        {
            return (Basic(access, key, secret, access.ManifestCredentials.GetValueOrDefault("session-token")), "the manifest's provider.credentials");
        }

        if (access.FirstVariable("AWS_ACCESS_KEY") is { } legacyKey && access.FirstVariable("AWS_SECRET_KEY") is { } legacySecret)
        {
            return (Basic(access, legacyKey, legacySecret, null), "AWS_ACCESS_KEY and AWS_SECRET_KEY");
        }

        if (access.FirstVariable("AWS_ACCESS_KEY_ID") is { } envKey && access.FirstVariable("AWS_SECRET_ACCESS_KEY") is { } envSecret)
        {
            return (Basic(access, envKey, envSecret, access.FirstVariable("AWS_SESSION_TOKEN")), "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }

        var named = profile ?? access.FirstVariable("AWS_PROFILE");
        if (named is not null)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(named, out var fromProfile)
                ? (fromProfile, $"the AWS profile {named}")
                : throw new UserInputException($"the AWS profile `{named}` is in neither ~/.aws/credentials nor ~/.aws/config; create it (aws configure --profile {named}) or name another one");
        }

        try
        {
            return (DefaultAWSCredentialsIdentityResolver.GetCredentials(null), "the AWS SDK's default credentials");
        }
        catch (AmazonClientException exception)
        {
            throw new UserInputException(missingHint, exception);
        }
    }

    private static AWSCredentials Basic(CloudAccess access, string key, string secret, string? token)
    {
        access.Secrets.Add(secret);
        if (token is not null)
        {
            access.Secrets.Add(token);
            return new SessionAWSCredentials(key, secret, token);
        }

        return new BasicAWSCredentials(key, secret);
    }
}
