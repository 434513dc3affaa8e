namespace Kiln.Tests.Fakes;

/// <summary>One call the Google stand-in received: its API method (e.g. <c>images.insert</c>), HTTP method, path and query, and the JSON or form body.</summary>
public sealed record GoogleCall(string Method, string HttpMethod, string Path, string Query, string Body)
{
    public override string ToString() => $"{Method} ({HttpMethod} {Path}{Query})";
}
