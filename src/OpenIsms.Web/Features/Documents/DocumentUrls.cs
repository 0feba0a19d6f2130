using OpenIsms.Core.Documents;

namespace OpenIsms.Web.Features.Documents;

/// <summary>The document register's addresses: the register, each document, its versions, comparisons and campaigns, and the personal acknowledgement link.</summary>
public static class DocumentUrls
{
    public const string Home = "/documents";

    public const string New = Home + "/new";

    public const string Preview = Home + "/preview";

    /// <summary>The personal acknowledgement page; the token follows.</summary>
    public const string AckBase = "/ack";

    public static string List(DocumentFilter filter) => Home + filter.ToQueryString();

    public static string Document(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Document(id)}/edit";

    public static string Version(Guid id, Guid versionId) => $"{Document(id)}/versions/{versionId}";

    public static string Draft(Guid id, Guid versionId) => $"{Version(id, versionId)}/edit";

    public static string Submit(Guid id, Guid versionId) => $"{Version(id, versionId)}/submit";

    public static string VersionFile(Guid id, Guid versionId) => $"{Version(id, versionId)}/file";

    public static string VersionExport(Guid id, Guid versionId, string format) => $"{Version(id, versionId)}/export.{format}";

    public static string Compare(Guid id, Guid from, Guid to) => $"{Document(id)}/compare?fromVersion={from}&toVersion={to}";

    public static string CompareForm(Guid id) => $"{Document(id)}/compare";

    public static string NewCampaign(Guid id) => $"{Document(id)}/campaigns/new";

    public static string Campaign(Guid campaignId) => $"{Home}/campaigns/{campaignId}";

    public static string CampaignList(Guid campaignId, AckFilter filter) => Campaign(campaignId) + filter.ToQueryString();

    public static string CampaignExport(Guid campaignId, string format) => $"{Campaign(campaignId)}/export.{format}";

    public static string AcknowledgementsExport(Guid id, string format) => $"{Document(id)}/acknowledgements.{format}";

    public static string Acknowledge(string token) => $"{AckBase}/{token}";

    public static string AcknowledgeFile(string token) => $"{AckBase}/{token}/file";

    /// <summary>The signed-in person acknowledges one of their own.</summary>
    public static string AcknowledgeMine(Guid acknowledgementId) => $"{Home}/acknowledgements/{acknowledgementId}";
}
