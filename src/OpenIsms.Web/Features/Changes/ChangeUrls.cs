namespace OpenIsms.Web.Features.Changes;

/// <summary>The planned changes' addresses.</summary>
public static class ChangeUrls
{
    public const string Home = "/changes";

    public const string New = Home + "/new";

    public static string All(int page = 1) => $"{Home}?all=true{(page > 1 ? $"&page={page}" : "")}";

    public static string NewFromReview(Guid reviewId) => $"{New}?review={reviewId}";

    public static string NewFromNonconformity(Guid nonconformityId) => $"{New}?nonconformity={nonconformityId}";

    public static string Change(Guid id) => $"{Home}/{id}";
}
