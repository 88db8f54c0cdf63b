namespace Invoicing.Domain.Common;

/// <summary>Text rules shared by every entity.</summary>
public static class Text
{
    /// <summary>Length in characters as a person counts them (Unicode scalar values), not UTF-16 units.</summary>
    public static int Length(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    public static bool IsBlank(string value) => string.IsNullOrWhiteSpace(value);
}
