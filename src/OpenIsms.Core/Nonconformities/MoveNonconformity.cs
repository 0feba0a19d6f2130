using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Nonconformities;

/// <summary>
/// Takes a nonconformity one step on: the correction, the root cause, the corrective-action plan, its implementation,
/// the effectiveness check. A step out of order is refused with the reason; only an effectiveness check closes it, and one
/// that finds the actions not effective reopens it for a new cause analysis. Each step is kept as a <see cref="NonconformityStep"/>.
/// </summary>
public sealed class MoveNonconformity(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        /// <summary>The state the step leads to: Closed when the check finds the actions effective, Reopened when not.</summary>
        public NonconformityState To { get; set; }

        /// <summary>The correction, the free cause analysis, or the check's findings, by step.</summary>
        public string? Text { get; set; }

        /// <summary>The day corrected, or the day checked.</summary>
        public DateOnly? On { get; set; }

        public CauseMethod Method { get; set; } = CauseMethod.FiveWhys;

        public string? Why1 { get; set; }

        public string? Why2 { get; set; }

        public string? Why3 { get; set; }

        public string? Why4 { get; set; }

        public string? Why5 { get; set; }

        /// <summary>The root cause in one statement.</summary>
        public string? RootCause { get; set; }

        /// <summary>When the plan is made: when the actions' effectiveness is checked.</summary>
        public DateOnly? EffectivenessDueOn { get; set; }

        public int Version { get; set; }

        public IEnumerable<string> Answers => new[] { Why1, Why2, Why3, Why4, Why5 }.Select(Common.Text.OrNull).OfType<string>();
    }

    public async Task<Result> Handle(Guid id, Command c, CancellationToken ct = default)
    {
        var (nc, failure) = await db.LoadForChange<Nonconformity>(id, c.Version, NonconformityPermissions.Edit, ct: ct);
        if (nc is null)
        {
            return failure!;
        }

        if (nc.Refusal(c.To) is { } refusal)
        {
            return Result.Invalid(new FieldError("", refusal));
        }

        // The effectiveness check is someone else's to make than the steps before it (the reason for a step out of order is no secret).
        if (c.To is NonconformityState.Closed or NonconformityState.Reopened && !db.CurrentUser.Has(NonconformityPermissions.Verify))
        {
            return Result.Forbidden();
        }

        var today = await db.Clock.Today(ct);
        var from = nc.State;
        var check = new Validation().MaxLength(nameof(Command.Text), c.Text, Limits.LongText, "The text").MaxLength(nameof(Command.RootCause), c.RootCause, Limits.ShortText, "The root cause");
        string? summary = null, whys = null;
        DateOnly? on = null;
        switch (c.To)
        {
            case NonconformityState.Corrected:
                check.Required(nameof(Command.Text), c.Text, "Say what was done at once to correct it and contain its effects (or why nothing could be).")
                    .Must(c.On is not null, nameof(Command.On), "Enter the date it was corrected.")
                    .Must(c.On is null || (c.On <= today && c.On >= nc.RaisedOn), nameof(Command.On), "The date must be between the day it was found and today.");
                summary = c.Text;
                on = c.On;
                if (check.IsValid)
                {
                    nc.Correct(c.Text!.Trim(), c.On!.Value);
                }

                break;
            case NonconformityState.CauseFound:
                var answers = c.Answers.ToList();
                check.Must(c.Method != CauseMethod.FiveWhys || answers.Count >= 2, nameof(Command.Why1), "Answer \"why?\" at least twice, each answer the next question, until you reach a cause you can act on.")
                    .Required(nameof(Command.RootCause), c.RootCause, "State the root cause in one sentence: what the corrective actions will remove.");
                whys = answers.Count > 0 && c.Method == CauseMethod.FiveWhys ? string.Join('\n', answers) : null;
                summary = c.Method == CauseMethod.FreeAnalysis && Common.Text.OrNull(c.Text) is { } analysis ? $"{c.RootCause?.Trim()}\n\n{analysis}" : c.RootCause?.Trim();
                if (check.IsValid)
                {
                    nc.FindCause(c.Method, whys, summary!);
                }

                break;
            case NonconformityState.ActionsPlanned:
                var actions = await db.Set<CorrectiveAction>().Where(a => a.NonconformityId == id && a.Round == nc.Round && a.Status != CorrectiveActionStatus.Cancelled)
                    .Select(a => a.DueOn).ToListAsync(ct);
                var lastDue = actions.Count == 0 ? today : actions.Max();
                check.Must(actions.Count > 0, "", "Add at least one corrective action first: what will remove the cause, who does it and by when.")
                    .Must(c.EffectivenessDueOn is not null, nameof(Command.EffectivenessDueOn), "Enter when the actions' effectiveness will be checked.")
                    .Must(c.EffectivenessDueOn is null || c.EffectivenessDueOn >= lastDue, nameof(Command.EffectivenessDueOn),
                        $"Check effectiveness after the last action is due ({lastDue:d MMM yyyy}) — on or after that day.");
                on = c.EffectivenessDueOn;
                summary = $"{actions.Count} corrective action{(actions.Count == 1 ? "" : "s")} planned.";
                if (check.IsValid)
                {
                    nc.PlanActions(c.EffectivenessDueOn!.Value);
                }

                break;
            case NonconformityState.Implemented:
                var states = await db.Set<CorrectiveAction>().Where(a => a.NonconformityId == id && a.Round == nc.Round).Select(a => a.Status).ToListAsync(ct);
                check.Must(!states.Contains(CorrectiveActionStatus.Open), "", $"{states.Count(s => s == CorrectiveActionStatus.Open)} corrective action(s) are still open: record each as done or cancelled first.")
                    .Must(states.Contains(CorrectiveActionStatus.Done), "", "At least one corrective action must be done; all of them were cancelled. Add the action that will be done.");
                summary = "Every corrective action is finished.";
                if (check.IsValid)
                {
                    nc.MarkImplemented();
                }

                break;
            case NonconformityState.Closed or NonconformityState.Reopened:
                var effective = c.To == NonconformityState.Closed;
                check.Required(nameof(Command.Text), c.Text, effective
                        ? "Say what shows the actions worked: what was looked at, and that the nonconformity has not come back."
                        : "Say what shows the actions did not work, so the next cause analysis starts from it.")
                    .Must(c.On is not null, nameof(Command.On), "Enter the date of the check.")
                    .Must(c.On is null || c.On <= today, nameof(Command.On), "The check's date cannot be in the future.")
                    .Must(c.On is null || c.On >= (nc.CorrectedOn ?? nc.RaisedOn), nameof(Command.On), "The check comes after the correction: enter a later date.");
                summary = c.Text;
                on = c.On;
                if (check.IsValid)
                {
                    nc.Checked(effective, c.On!.Value);
                }

                break;
        }

        if (!check.IsValid)
        {
            return check.ToResult();
        }

        db.Add(NonconformityStep.Of(nc, from, Common.Text.OrNull(summary), whys, on, db.CurrentUser.DisplayName));
        return await db.SaveAsync(ct);
    }
}
