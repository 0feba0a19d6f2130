using OpenIsms.Core.Awareness;

namespace OpenIsms.Web.Features.Awareness;

/// <summary>The awareness area's addresses: the dashboard, each training, its questions, assignments and attendance, and the person's own training.</summary>
public static class AwarenessUrls
{
    public const string Home = "/training";

    public const string New = Home + "/new";

    public const string Mine = Home + "/mine";

    public static string Dashboard(AwarenessFilter filter) => Home + filter.ToQueryString();

    public static string Training(Guid id) => $"{Home}/{id}";

    public static string TrainingList(Guid id, TrainingPeopleFilter filter) => Training(id) + filter.ToQueryString();

    public static string Edit(Guid id) => $"{Training(id)}/edit";

    public static string NewQuestion(Guid id) => $"{Training(id)}/questions/new";

    public static string Question(Guid id, Guid questionId) => $"{Training(id)}/questions/{questionId}/edit";

    public static string Assign(Guid id) => $"{Training(id)}/assign";

    public static string Assignment(Guid id, Guid assignmentId) => $"{Training(id)}/assignments/{assignmentId}";

    public static string AssignmentList(Guid id, Guid assignmentId, TrainingPeopleFilter filter) => Assignment(id, assignmentId) + filter.ToQueryString();

    public static string Attendance(Guid id) => $"{Training(id)}/attendance";

    public static string Quiz(Guid id) => $"{Mine}/{id}/quiz";
}
