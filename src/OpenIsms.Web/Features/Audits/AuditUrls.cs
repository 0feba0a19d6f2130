using OpenIsms.Core.Audits;

namespace OpenIsms.Web.Features.Audits;

/// <summary>The internal audit's addresses.</summary>
public static class AuditUrls
{
    public const string Home = "/audits";

    public const string New = Home + "/new";

    public const string Programme = Home + "/programme";

    public static string List(AuditFilter filter) => Home + filter.ToQueryString();

    public static string ProgrammeList(ProgrammeFilter filter) => Programme + filter.ToQueryString();

    public static string Audit(Guid id) => $"{Home}/{id}";

    public static string Checklist(Guid id, ChecklistShow? show, int page = 1) =>
        $"{Audit(id)}{(show is null && page == 1 ? "" : "?")}{(show is null ? "" : $"show={show}")}{(page > 1 ? $"{(show is null ? "" : "&")}page={page}" : "")}#checklist";

    /// <summary>After a result is recorded: the items still to record, with the notice.</summary>
    public static string Recorded(Guid id) => $"{Audit(id)}?show={ChecklistShow.Open}&done=result-recorded#checklist";

    public static string Edit(Guid id) => $"{Audit(id)}/edit";

    public static string Item(Guid auditId, Guid itemId) => $"{Audit(auditId)}/items/{itemId}";

    public static string Report(Guid id, string format) => $"{Audit(id)}/report.{format}";
}
