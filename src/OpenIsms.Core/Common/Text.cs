namespace OpenIsms.Core.Common;

public static class Text
{
    /// <summary>Optional text is stored trimmed, or not at all.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
