namespace OpenIsms.Core.Competences;

/// <summary>Where a person stands on a competence their roles need.</summary>
public enum NeedState
{
    /// <summary>Valid evidence at the level needed.</summary>
    Met,

    /// <summary>Met, but the evidence expires within <see cref="CompetenceRules.ExpiringWithinDays"/> days.</summary>
    Expiring,

    /// <summary>Not met; an action to close the gap is planned.</summary>
    Planned,

    /// <summary>Not met: the evidence there was has expired, and nothing is planned.</summary>
    Expired,

    /// <summary>Not met, nothing planned.</summary>
    Gap,
}

/// <summary>The one rule deciding whether a need is met; the matrix, a person's page, My work and the readiness facts use it.</summary>
public static class CompetenceRules
{
    public const int ExpiringWithinDays = 60;

    public sealed record Held(Proficiency Level, DateOnly ObtainedOn, DateOnly? ExpiresOn);

    /// <summary>Evidence counts when it is valid on the day and at the level needed (a certification is held or not: any level).</summary>
    public static bool Counts(Held e, Proficiency needed, CompetenceKind kind, DateOnly today) =>
        e.ObtainedOn <= today && (e.ExpiresOn is null || e.ExpiresOn >= today) && (kind == CompetenceKind.Certification || e.Level >= needed);

    public static (NeedState State, DateOnly? ValidUntil) State(Proficiency needed, CompetenceKind kind, IEnumerable<Held> evidence, bool actionPlanned, DateOnly today)
    {
        var held = evidence.ToList();
        var counting = held.Where(e => Counts(e, needed, kind, today)).ToList();
        if (counting.Count > 0)
        {
            // The longest-lived evidence decides: a renewed certificate replaces the one about to expire.
            var until = counting.Any(e => e.ExpiresOn is null) ? null : counting.Max(e => e.ExpiresOn);
            return (until is { } day && day <= today.AddDays(ExpiringWithinDays) ? NeedState.Expiring : NeedState.Met, until);
        }

        if (actionPlanned)
        {
            return (NeedState.Planned, null);
        }

        var expired = held.Where(e => e.ExpiresOn < today && (kind == CompetenceKind.Certification || e.Level >= needed)).Select(e => e.ExpiresOn).Max();
        return (expired is null ? NeedState.Gap : NeedState.Expired, expired);
    }

    public static bool IsGap(NeedState state) => state is NeedState.Planned or NeedState.Expired or NeedState.Gap;
}
