using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Documents;

/// <summary>Adds a document to the register (with its first draft, 0.1) or changes its register entry and links.</summary>
public sealed class SaveDocument(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Reference { get; set; }

        public DocumentKind Kind { get; set; }

        public string? Title { get; set; }

        public string? Purpose { get; set; }

        public string? OwnerId { get; set; }

        public string? Classification { get; set; }

        public string? Audience { get; set; }

        public int ReviewIntervalMonths { get; set; } = 12;

        public string? Clauses { get; set; }

        public string? ExternalSource { get; set; }

        public string? ExternalVersion { get; set; }

        /// <summary>Annex A controls the document describes, by catalogue id.</summary>
        public List<Guid>? RequirementIds { get; set; } = [];

        public List<Guid>? RiskIds { get; set; } = [];

        public int Version { get; set; }

        public static Command From(ControlledDocument d, List<Guid> requirementIds, List<Guid> riskIds) => new()
        {
            Id = d.Id, Reference = d.Reference, Kind = d.Kind, Title = d.Title, Purpose = d.Purpose, OwnerId = d.OwnerId,
            Classification = d.Classification, Audience = d.Audience, ReviewIntervalMonths = d.ReviewIntervalMonths, Clauses = d.Clauses,
            ExternalSource = d.ExternalSource, ExternalVersion = d.ExternalVersion, RequirementIds = requirementIds, RiskIds = riskIds, Version = d.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (document, failure) = await db.LoadOrCreate(c.Id, c.Version, DocumentPermissions.Edit, () => new ControlledDocument(c.Kind), ct: ct);
        if (document is null || db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(failure ?? Result.Forbidden());
        }

        var creating = c.Id is null;
        var reference = await db.ChooseReference(document, c.Reference, creating, d => d.Title, "document", ct);
        var errors = new List<FieldError>();
        if (reference.Clash is { } clash)
        {
            errors.Add(clash);
        }

        if (await Owners.Check(db, c.OwnerId, Security.OwnerDuties.Document, nameof(ControlledDocument.OwnerId), "documents", ct) is { } ownerError)
        {
            errors.Add(ownerError);
        }

        if (Text.OrNull(c.Classification) is { } level && !await db.Set<Assets.ClassificationLevel>().AnyAsync(l => l.Name == level, ct))
        {
            errors.Add(new FieldError(nameof(ControlledDocument.Classification), "Choose a level of the organisation's classification scheme."));
        }

        var requirementIds = (c.RequirementIds ?? []).Distinct().ToList();
        if (await db.SoaControls().CountAsync(r => requirementIds.Contains(r.Id), ct) != requirementIds.Count)
        {
            errors.Add(new FieldError(nameof(Command.RequirementIds), "Choose Annex A controls from the catalogue."));
        }

        var riskIds = (c.RiskIds ?? []).Distinct().ToList();
        if (await db.Set<Risk>().CountAsync(r => riskIds.Contains(r.Id), ct) != riskIds.Count)
        {
            errors.Add(new FieldError(nameof(Command.RiskIds), "One of the chosen risks no longer exists."));
        }

        var result = document.Update(c, reference.Reference);
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (creating)
        {
            db.AddNew(document, reference);
            var draft = DocumentVersion.FirstDraft(document.Id, userId);
            db.Add(draft);
            document.Track(draft);
        }

        var links = await db.Set<DocumentLink>().Where(l => l.DocumentId == document.Id).ToListAsync(ct);
        db.RemoveRange(links.Where(l => l.RequirementId is { } r && !requirementIds.Contains(r) || l.RiskId is { } k && !riskIds.Contains(k)));
        db.AddRange(requirementIds.Where(r => links.All(l => l.RequirementId != r)).Select(r => new DocumentLink { DocumentId = document.Id, RequirementId = r }));
        db.AddRange(riskIds.Where(r => links.All(l => l.RiskId != r)).Select(r => new DocumentLink { DocumentId = document.Id, RiskId = r }));
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? document.Id : Result<Guid>.From(saved);
    }
}
