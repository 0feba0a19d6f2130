using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Activity;

/// <summary>The activity log, newest first, filtered and paged in SQL; also one record's history.</summary>
public sealed class ListActivity(OpenIsmsDbContext db)
{
    /// <summary>Records whose content needs a permission beyond reading the log; their entries are hidden without it.</summary>
    private static readonly (string[] Types, string Permission)[] Guarded =
    [
        (["Evidence", "EvidenceControl", "EvidenceStore"], Evidence.EvidencePermissions.Read),
    ];

    /// <summary>Fields shown only with a permission: the rest of the entry stays visible.</summary>
    private static readonly (string Type, string[] Fields, string Permission)[] Redacted =
    [
        // A run's note is written with its evidence and may describe it.
        (AuditNames.Of<Controls.ControlTask>(), ["Note"], Evidence.EvidencePermissions.Read),

        // Who has which address and token is for administrators.
        (AuditNames.Of<Users.ApiToken>(), ["TokenHash"], Users.UserPermissions.Manage),
        (AuditNames.User, ["Email", "UserName"], Users.UserPermissions.Manage),
    ];

    public const string Withheld = "(withheld)";

    public async Task<Page<ActivityEntry>> Handle(ActivityFilter query, CancellationToken ct = default)
    {
        var q = Visible(db.Set<ActivityEntry>().AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            q = q.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            q = q.Where(e => e.EntityId == query.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var term = "%" + query.User.Trim().ToLowerInvariant() + "%";
            q = q.Where(e => EF.Functions.Like(e.UserName.ToLower(), term));
        }

        if (query.From is not null || query.To is not null)
        {
            // A day as the organisation lives it: from its midnight to the next, turned into UTC.
            var zone = await db.Clock.Zone(ct);
            DateTime Start(DateOnly day)
            {
                // Where clocks skip midnight (a daylight-saving change at 00:00), the day starts at the first time that exists.
                var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
                while (zone.IsInvalidTime(local))
                {
                    local = local.AddMinutes(30);
                }

                return TimeZoneInfo.ConvertTimeToUtc(local, zone);
            }
            if (query.From is { } from)
            {
                var start = Start(from);
                q = q.Where(e => e.At >= start);
            }

            if (query.To is { } to && to < DateOnly.MaxValue)
            {
                var end = Start(to.AddDays(1));
                q = q.Where(e => e.At < end);
            }
        }

        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.Sequence).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        items.ForEach(Redact);
        return new Page<ActivityEntry>(items, page, size, total);
    }

    public Task<List<string>> EntityTypes(CancellationToken ct = default) =>
        Visible(db.Set<ActivityEntry>().AsNoTracking()).Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    /// <summary>Replaces the values of fields the reader may not see; the entries are read untracked, so nothing is saved.</summary>
    private void Redact(ActivityEntry entry)
    {
        foreach (var (type, fields, permission) in Redacted)
        {
            if (entry.EntityType == type && !db.CurrentUser.Has(permission))
            {
                entry.Before = Withhold(entry.Before, fields);
                entry.After = Withhold(entry.After, fields);
            }
        }
    }

    private static string? Withhold(string? json, string[] fields)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject values)
        {
            return json;
        }

        foreach (var field in fields.Where(values.ContainsKey))
        {
            values[field] = Withheld;
        }

        return values.ToJsonString();
    }

    private IQueryable<ActivityEntry> Visible(IQueryable<ActivityEntry> q)
    {
        foreach (var (types, permission) in Guarded)
        {
            if (!db.CurrentUser.Has(permission))
            {
                q = q.Where(e => !types.Contains(e.EntityType));
            }
        }

        return q;
    }
}
