using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Tests.Fakes;

/// <summary>One OCI API call the stand-in received: its operation (CreateImage, GetImage ...), method, path with query, and JSON body.</summary>
public sealed record OciCall(string Operation, string Method, string PathAndQuery, JObject? Body)
{
    public override string ToString() => $"{Operation} {Method} {PathAndQuery}{(Body is null ? string.Empty : " " + Body.ToString(Formatting.None))}";
}
