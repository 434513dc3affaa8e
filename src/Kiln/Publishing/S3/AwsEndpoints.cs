namespace Kiln.Publishing.S3;

/// <summary>Endpoint overrides as the AWS CLI and SDK read them: AWS_ENDPOINT_URL_{SERVICE}, AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.</summary>
public static class AwsEndpoints
{
    /// <summary>The endpoint override of a service (<c>S3</c>, <c>EC2</c>), or null for AWS's own.</summary>
    public static Uri? Override(CloudAccess access, string service)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (string.Equals(access.Environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = access.FirstVariable($"AWS_ENDPOINT_URL_{service}", "AWS_ENDPOINT_URL");
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UserInputException($"AWS_ENDPOINT_URL_{service} (or AWS_ENDPOINT_URL) is `{text}`, which is no http or https URL; set it to the endpoint's URL or unset it");
    }
}
