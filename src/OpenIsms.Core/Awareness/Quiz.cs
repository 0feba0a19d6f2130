namespace OpenIsms.Core.Awareness;

/// <summary>The score of a quiz's answers, computed on the server: the percentage right, rounded down, and which were wrong.</summary>
public static class Quiz
{
    public sealed class Marked
    {
        public required int Score { get; init; }

        public required bool Passed { get; init; }

        /// <summary>The questions answered wrongly (their ids), in the quiz's order.</summary>
        public required IReadOnlyList<Guid> Wrong { get; init; }
    }

    /// <param name="questions">Each question's id and right option (from 1).</param>
    /// <param name="answers">The option chosen for each question (from 1); every question must have one.</param>
    public static Marked Score(IReadOnlyList<(Guid Id, int Correct)> questions, IReadOnlyDictionary<Guid, int> answers, int passMark)
    {
        if (questions.Count == 0)
        {
            return new Marked { Score = 0, Passed = false, Wrong = [] };
        }

        var wrong = questions.Where(q => !answers.TryGetValue(q.Id, out var chosen) || chosen != q.Correct).Select(q => q.Id).ToList();
        var score = (questions.Count - wrong.Count) * 100 / questions.Count;
        return new Marked { Score = score, Passed = score >= passMark, Wrong = wrong };
    }
}
