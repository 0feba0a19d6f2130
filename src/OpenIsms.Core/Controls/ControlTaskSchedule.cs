using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Controls;

/// <summary>Keeps one open task for every recurring control that is in place, on the date its next run is due.</summary>
public static class ControlTaskSchedule
{
    /// <summary>Controls that are not yet in place do not run, so they get no tasks.</summary>
    public static bool Runs(Control control) =>
        ControlSchedule.Recurs(control.Frequency) && control.Status is ControlStatus.Implemented or ControlStatus.Operating or ControlStatus.Ineffective;

    /// <summary>
    /// Opens, moves or withdraws the control's open task after the control changed. <paramref name="nextDue"/> is the
    /// date the user gave; without one, a new task is due one period from today.
    /// </summary>
    public static async Task Sync(OpenIsmsDbContext db, Control control, DateOnly? nextDue, CancellationToken ct)
    {
        var open = await db.Set<ControlTask>().Where(t => t.ControlId == control.Id && t.Status == ControlTaskStatus.Open).ToListAsync(ct);
        if (!Runs(control))
        {
            db.RemoveRange(open);
            return;
        }

        if (open.Count == 0)
        {
            Start(db, control, nextDue ?? ControlSchedule.Next(control.Frequency, await db.Clock.Today(ct))!.Value);
            return;
        }

        if (nextDue is { } due && open[0].DueOn != due)
        {
            open[0].Reschedule(due);
        }

        db.RemoveRange(open.Skip(1));
    }

    /// <summary>A new control's first run, when it runs at all: no query, for a control not yet saved (the form and the import).</summary>
    public static void Start(OpenIsmsDbContext db, Control control, DateOnly due)
    {
        if (Runs(control))
        {
            db.Add(ControlTask.Open(control.Id, due));
        }
    }

    /// <summary>After a run is done, the next is due one period after the one just done was due (not after the day it was done).</summary>
    public static void OpenNext(OpenIsmsDbContext db, Control control, ControlTask done)
    {
        if (Runs(control) && ControlSchedule.Next(control.Frequency, done.DueOn) is { } next)
        {
            db.Add(ControlTask.Open(control.Id, next));
        }
    }
}
