using Newtonsoft.Json.Linq;

namespace Kiln.Tests.Fakes;

/// <summary>One request the Resource Manager stand-in received: what it was (<c>PUT image</c>, <c>GET operation</c>, <c>POST token</c>), its path and JSON body.</summary>
public sealed record ArmCall(string Operation, string Path, JObject? Body)
{
    public override string ToString() => $"{Operation} {Path}{(Body is null ? string.Empty : " " + Body.ToString(Newtonsoft.Json.Formatting.None))}";
}
