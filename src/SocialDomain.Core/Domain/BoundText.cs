namespace SocialDomain.Core.Domain;

/// <summary>How a value that is only a bound is written before its number: "≥ 267", "≤ 8".</summary>
public static class BoundText
{
    public static string Prefix(ValueBound bound) => bound switch
    {
        ValueBound.AtLeast => "≥ ",
        ValueBound.AtMost => "≤ ",
        _ => string.Empty,
    };
}
