using OpenIsms.Core.Competences;

namespace OpenIsms.Web.Features.Competences;

/// <summary>The competence records' addresses: the competences, the matrix, each person's record and evidence files.</summary>
public static class CompetenceUrls
{
    public const string Home = "/competences";

    public const string New = Home + "/new";

    public const string Matrix = Home + "/matrix";

    public static string MatrixOf(CompetenceFilter filter) => Matrix + filter.ToQueryString();

    public static string Competence(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Competence(id)}/edit";

    public static string Person(Guid personId) => $"{Home}/people/{personId}";

    public static string EvidenceFile(Guid evidenceId) => $"{Home}/evidence/{evidenceId}/file";
}
