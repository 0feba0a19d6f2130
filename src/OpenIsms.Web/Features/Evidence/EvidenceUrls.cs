using OpenIsms.Core.Evidence;
using OpenIsms.Web.Features.Controls;

namespace OpenIsms.Web.Features.Evidence;

/// <summary>
/// The evidence's addresses: the register, each item and its file, the integrity check of the stored files, and adding
/// evidence, which starts from the control it is for (or from the control's task it completes).
/// </summary>
public static class EvidenceUrls
{
    public const string Home = "/evidence";

    public const string Integrity = Home + "/integrity";

    /// <summary>The register narrowed and paged as the filter says.</summary>
    public static string List(EvidenceFilter filter) => Home + filter.ToQueryString();

    public static string Evidence(Guid id) => $"{Home}/{id}";

    public static string Download(Guid id) => $"{Evidence(id)}/download";

    public static string New(Guid controlId) => $"{ControlUrls.Control(controlId)}/evidence/new";

    /// <summary>Completing a control's task by adding the evidence it asks for.</summary>
    public static string CompleteTask(Guid controlId, Guid taskId) => $"{ControlUrls.Control(controlId)}/tasks/{taskId}/complete";
}
