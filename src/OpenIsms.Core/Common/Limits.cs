namespace OpenIsms.Core.Common;

/// <summary>Column sizes shared by entities, EF configuration and validation.</summary>
public static class Limits
{
    public const int Name = 200;
    public const int ShortText = 500;
    public const int LongText = 8000;
    public const int Statement = 20000;
}
