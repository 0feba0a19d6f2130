namespace OpenIsms.Core.Common;

/// <summary>One page of a register, filtered and paged in SQL.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;
}

public static class PageSizes
{
    public static readonly int[] Allowed = [25, 50, 100];

    public static int Normalise(int size) => Allowed.Contains(size) ? size : Allowed[0];

    public static int NormalisePage(int page) => page < 1 ? 1 : page;
}
