using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Soa;

/// <summary>Row-by-row differences between two versions, or between a version and the current draft.</summary>
public sealed class CompareSoa(OpenIsmsDbContext db, GetSoa get)
{
    public sealed record Change
    {
        public required string Code { get; init; }

        public required string Title { get; init; }

        public required string Field { get; init; }

        public required string? Before { get; init; }

        public required string? After { get; init; }
    }

    /// <summary>Null version numbers mean the current draft.</summary>
    public async Task<IReadOnlyList<Change>?> Handle(int? from, int? to, CancellationToken ct = default)
    {
        var before = await Rows(from, ct);
        var after = await Rows(to, ct);
        if (before is null || after is null)
        {
            return null;
        }

        var changes = new List<Change>();
        foreach (var row in after)
        {
            var old = before.FirstOrDefault(r => r.Code == row.Code);
            void Compare(string field, string? a, string? b)
            {
                if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
                {
                    changes.Add(new Change { Code = row.Code, Title = row.Title, Field = field, Before = a, After = b });
                }
            }

            Compare("Applicable", Applicability(old?.Applicable), Applicability(row.Applicable));
            Compare("Reasons", old is null ? null : string.Join(", ", old.Reasons.Select(Text.Words)), string.Join(", ", row.Reasons.Select(Text.Words)));
            Compare("Risks treated", old is null ? null : string.Join(", ", old.TreatedRisks), string.Join(", ", row.TreatedRisks));
            Compare("Justification for inclusion", old?.InclusionJustification, row.InclusionJustification);
            Compare("Justification for exclusion", old?.ExclusionJustification, row.ExclusionJustification);
            Compare("Status", old?.Status is { } was ? Text.Words(was) : null, Text.Words(row.Status ?? ""));
            Compare("Implemented by", old is null ? null : string.Join(", ", old.ImplementedBy), string.Join(", ", row.ImplementedBy));
            Compare("Notes", old?.Notes, row.Notes);
        }

        return changes;
    }

    public static string Applicability(bool? applicable) => applicable switch { true => "Applicable", false => "Not applicable", _ => "Not decided" };

    private async Task<IReadOnlyList<SoaRow>?> Rows(int? number, CancellationToken ct)
    {
        if (number is null)
        {
            return (await get.Handle(ct)).Lines.Select(l => l.Row).ToList();
        }

        var version = await db.Set<SoaVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, ct);
        return version?.Rows;
    }
}
