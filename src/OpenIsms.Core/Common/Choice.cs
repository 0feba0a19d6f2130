namespace OpenIsms.Core.Common;

/// <summary>One option of a select: the value posted, the text shown, and an optional group heading.</summary>
public sealed record Choice(string Value, string Text, string? Group = null);
