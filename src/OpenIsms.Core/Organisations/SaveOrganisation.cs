using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Organisations;

/// <summary>The organisation's name and settings (administrators only); every change is in the activity log.</summary>
public sealed class SaveOrganisation(OpenIsmsDbContext db, OrganisationProfile profile)
{
    public sealed class Command
    {
        public string? Name { get; set; }

        public string? TimeZone { get; set; } = Organisation.DefaultTimeZone;

        public bool SamePersonMayApprove { get; set; }

        public bool RequireTwoFactor { get; set; }

        public int RecurrenceMonths { get; set; } = Organisation.DefaultRecurrenceMonths;

        public int AuditCycleYears { get; set; } = Organisation.DefaultAuditCycleYears;

        public int OperatingMonths { get; set; } = Organisation.DefaultOperatingMonths;

        public int Version { get; set; }

        public static Command Of(Organisation o) => new()
        {
            Name = o.Name, TimeZone = o.TimeZone, SamePersonMayApprove = o.SamePersonMayApprove, RequireTwoFactor = o.RequireTwoFactor,
            RecurrenceMonths = o.RecurrenceMonths, AuditCycleYears = o.AuditCycleYears, OperatingMonths = o.OperatingMonths, Version = o.Version,
        };
    }

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        var (organisation, failure) = await Load(c.Version, ct);
        if (organisation is null)
        {
            return failure!;
        }

        var check = new Validation()
            .Required(nameof(c.Name), c.Name, "Enter the organisation's name.")
            .MaxLength(nameof(c.Name), c.Name, Limits.Name, "The name")
            .Must(Organisation.IsKnownTimeZone(c.TimeZone), nameof(c.TimeZone), "Choose a time zone from the list.")
            .Must(c.RecurrenceMonths is >= 1 and <= 60, nameof(c.RecurrenceMonths), "Enter a number of months from 1 to 60.")
            .Must(c.AuditCycleYears is >= 1 and <= 5, nameof(c.AuditCycleYears), "Enter a number of years from 1 to 5.")
            .Must(c.OperatingMonths is >= 1 and <= 24, nameof(c.OperatingMonths), "Enter a number of months from 1 to 24.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        organisation.Change(c);
        var saved = await db.SaveAsync(ct);
        profile.Forget(); // the name and time zone are read again, here at once, on other nodes within a minute
        return saved;
    }

    private async Task<(Organisation? Organisation, Result? Failure)> Load(int version, CancellationToken ct)
    {
        if (!db.CurrentUser.Has(OrganisationPermissions.Manage))
        {
            return (null, Result.Forbidden());
        }

        var organisation = await db.Set<Organisation>().OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return (null, Result.NotFound());
        }

        return db.CheckVersion(organisation, version) is { } conflict ? (null, Result.Stale(conflict)) : (organisation, null);
    }
}
