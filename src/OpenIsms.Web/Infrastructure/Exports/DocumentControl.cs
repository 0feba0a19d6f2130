namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>
/// The document-control block every exported register carries at its top (or on its own sheet): what it is, which
/// version, how it is classified, who owns and approved it, and when it is next reviewed. A value OpenIsms does not
/// hold for the register says so rather than being left blank.
/// </summary>
public sealed record DocumentControl
{
    public const string NotRecorded = "Not recorded in OpenIsms";

    public required string Title { get; init; }

    public required string DocumentId { get; init; }

    public required string Version { get; init; }

    public string? Classification { get; init; }

    public string? Owner { get; init; }

    public string? Approver { get; init; }

    public string? ApprovedOn { get; init; }

    public string? ApprovalNote { get; init; }

    public string? NextReview { get; init; }

    /// <summary>What the document answers to, such as "ISO/IEC 27001:2022 clause 6.1.3 d".</summary>
    public string? Clause { get; init; }

    /// <summary>When and from what it was produced.</summary>
    public required string Generated { get; init; }

    /// <summary>The block as label and value, in the order an auditor reads it.</summary>
    public IReadOnlyList<(string Label, string Value)> Lines =>
    [
        ("Title", Title),
        ("Document id", DocumentId),
        ("Version", Version),
        ("Classification", Classification ?? NotRecorded),
        ("Owner", Owner ?? NotRecorded),
        ("Approved by", Approver ?? "Not approved"),
        ("Approval date", ApprovedOn ?? "—"),
        ("Approval note", ApprovalNote ?? "—"),
        ("Next review", NextReview ?? NotRecorded),
        ("Requirement", Clause ?? "—"),
        ("Produced", Generated),
    ];
}
