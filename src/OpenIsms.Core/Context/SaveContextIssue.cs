using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

/// <summary>Adds or edits an internal or external issue.</summary>
public sealed class SaveContextIssue(OpenIsmsDbContext db)
{
    /// <summary>An issue as its form gives it; <see cref="From"/> fills it for editing and <see cref="ContextIssue.Update"/> applies its rules.</summary>
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public IssueOrigin Origin { get; set; }

        public string? Title { get; set; }

        public string? Category { get; set; }

        public string? Description { get; set; }

        public IssueEffect Effect { get; set; }

        public bool ClimateRelated { get; set; }

        public string? Response { get; set; }

        public int Version { get; set; }

        public static Command From(ContextIssue issue) => new()
        {
            Id = issue.Id, Origin = issue.Origin, Title = issue.Title, Category = issue.Category, Description = issue.Description, Effect = issue.Effect,
            ClimateRelated = issue.ClimateRelated, Response = issue.Response, Version = issue.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (issue, failure) = await db.LoadOrCreate(c.Id, c.Version, ContextPermissions.Edit, () => new ContextIssue(), ct: ct);
        if (issue is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = issue.Update(c);
        if (result.Succeeded)
        {
            if (c.Id is null)
            {
                db.Add(issue);
            }

            result = await db.SaveAsync(ct);
        }

        return result.Succeeded ? issue.Id : Result<Guid>.From(result);
    }
}
