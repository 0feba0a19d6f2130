using OpenIsms.Core.Objectives;

namespace OpenIsms.Web.Features.Objectives;

/// <summary>The objectives' and metrics' addresses.</summary>
public static class ObjectiveUrls
{
    public const string Home = "/objectives";

    public const string New = Home + "/new";

    public const string Metrics = "/metrics";

    public const string NewMetric = Metrics + "/new";

    public static string List(ObjectiveFilter filter) => Home + filter.ToQueryString();

    public static string MetricList(ObjectiveFilter filter) => Metrics + filter.ToQueryString();

    public static string Objective(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Objective(id)}/edit";

    public static string Metric(Guid id) => $"{Metrics}/{id}";

    public static string EditMetric(Guid id) => $"{Metric(id)}/edit";

    public static string NewMetricFor(Guid objectiveId) => $"{NewMetric}?objective={objectiveId}";
}
