using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Documents;

/// <summary>Which mandatory documents have been generated already, by source.</summary>
public sealed class ListGeneratedDocuments(OpenIsmsDbContext db)
{
    public async Task<IReadOnlyDictionary<DocumentSource, Guid>> Handle(CancellationToken ct = default) =>
        (await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Source != DocumentSource.None).Select(d => new { d.Source, d.Id }).ToListAsync(ct))
            .GroupBy(d => d.Source).ToDictionary(g => g.Key, g => g.First().Id);
}
