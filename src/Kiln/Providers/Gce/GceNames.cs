using System.Text.RegularExpressions;

namespace Kiln.Providers.Gce;

/// <summary>GCE's naming rules for images, families and labels (RFC 1035 names of at most 63 characters, lower-case labels).</summary>
public static partial class GceNames
{
    public static bool IsResourceName(string name) => ResourceName().IsMatch(name);

    public static bool IsLabelKey(string key) => LabelKey().IsMatch(key);

    public static bool IsLabelValue(string value) => LabelValue().IsMatch(value);

    [GeneratedRegex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex ResourceName();

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$")]
    private static partial Regex LabelKey();

    [GeneratedRegex("^[a-z0-9_-]{0,63}$")]
    private static partial Regex LabelValue();
}
