using Newtonsoft.Json;

namespace Kiln.Manifests;

/// <summary>
/// Feeds prepared tokens to Json.NET with their source positions, so that every <c>JToken</c> built from
/// YAML knows its line and column (and schema errors point at the YAML text).
/// </summary>
internal sealed class ReplayingJsonReader(IReadOnlyList<ReplayedToken> tokens) : JsonReader, IJsonLineInfo
{
    private int _index = -1;

    public int LineNumber => Current.Line;

    public int LinePosition => Current.Column;

    private ReplayedToken Current => _index >= 0 && _index < tokens.Count ? tokens[_index] : default;

    public bool HasLineInfo() => _index >= 0 && _index < tokens.Count;

    public override bool Read()
    {
        _index++;
        if (_index >= tokens.Count)
        {
            SetToken(JsonToken.None);
            return false;
        }

        var token = tokens[_index];
        SetToken(token.Kind, token.Value);
        return true;
    }
}
