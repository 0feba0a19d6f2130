using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Organisations;

namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>A register's export: the file's name, the title, the document id, the clause it serves and the sheet's name.</summary>
public sealed record RegisterSheet
{
    public required string File { get; init; }

    public required string Title { get; init; }

    public required string DocumentId { get; init; }

    public required string Clause { get; init; }

    public required string Sheet { get; init; }
}

/// <summary>The document-control block of an export, filled with what OpenIsms holds: organisation, classification, approval, and when it was produced.</summary>
public sealed class ExportDocuments(GetOrganisation organisation, ListClassificationLevels levels, Clock clock)
{
    public sealed record Approval(string By, DateTime At, string? Note);

    /// <summary>
    /// A live register's extract under its filters: CSV as the bare table (for a spreadsheet or a re-import), XLSX as a
    /// controlled document with its document-control sheet first. The file is named after the register and today.
    /// </summary>
    public async Task Register(HttpResponse response, string format, RegisterSheet register, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var name = $"{await FileStem(register, ct)}.{format}";
        if (format == "csv")
        {
            await TableExport.Csv(response, name, header, rows, ct);
            return;
        }

        await TableExport.Xlsx(response, name, register.Sheet, await RegisterControl(register, ct), header, rows, ct);
    }

    /// <summary>The register's workbook written to a seekable stream (for the Stage 1 pack).</summary>
    public async Task RegisterXlsx(Stream temp, RegisterSheet register, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct) =>
        await TableExport.WriteXlsx(temp, register.Sheet, await RegisterControl(register, ct), header, rows, ct);

    /// <summary>The register's file name without extension: its name and today ("risk-register-2026-12-07").</summary>
    public async Task<string> FileStem(RegisterSheet register, CancellationToken ct) => $"{register.File}-{await clock.Today(ct):yyyy-MM-dd}";

    private async Task<DocumentControl> RegisterControl(RegisterSheet register, CancellationToken ct) =>
        await Control(register.Title, register.DocumentId, $"Extract of {await clock.Today(ct):d MMMM yyyy} (the register is kept live in OpenIsms)", register.Clause, null, null, ct);

    public async Task<DocumentControl> Control(string title, string documentId, string version, string clause, Approval? approval, string? owner, CancellationToken ct)
    {
        var org = (await organisation.Handle(ct))?.Name;
        var zone = await clock.Zone(ct);
        // A register of risks and controls describes weaknesses: it is classified as the scheme's "Confidential" level,
        // or "Internal", or else the level just below the highest.
        var scheme = (await levels.Handle(ct)).Select(l => l.Name).ToList();
        var classification = scheme.FirstOrDefault(l => l.Equals("Confidential", StringComparison.OrdinalIgnoreCase))
            ?? scheme.FirstOrDefault(l => l.Equals("Internal", StringComparison.OrdinalIgnoreCase))
            ?? (scheme.Count > 1 ? scheme[^2] : scheme.FirstOrDefault());
        return new DocumentControl
        {
            Title = string.IsNullOrEmpty(org) ? title : $"{title} — {org}",
            DocumentId = documentId,
            Version = version,
            Classification = classification,
            Owner = owner,
            Approver = approval?.By,
            ApprovedOn = approval is null ? null : Core.Activity.DescribeActivity.Absolute(approval.At, zone),
            ApprovalNote = approval?.Note,
            Clause = clause,
            Generated = $"{Core.Activity.DescribeActivity.Absolute(clock.UtcNow, zone)} from OpenIsms",
        };
    }
}
