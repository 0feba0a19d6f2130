using OpenIsms.Core.Awareness;

namespace OpenIsms.UnitTests.Awareness;

public class QuizTests
{
    private static readonly Guid Q1 = Guid.NewGuid();
    private static readonly Guid Q2 = Guid.NewGuid();
    private static readonly Guid Q3 = Guid.NewGuid();
    private static readonly List<(Guid, int)> Questions = [(Q1, 2), (Q2, 1), (Q3, 3)];

    [Fact]
    public void AllRight_ScoresAHundred_AndPasses()
    {
        var marked = Quiz.Score(Questions, new Dictionary<Guid, int> { [Q1] = 2, [Q2] = 1, [Q3] = 3 }, 80);
        marked.Score.ShouldBe(100);
        marked.Passed.ShouldBeTrue();
        marked.Wrong.ShouldBeEmpty();
    }

    [Fact]
    public void TwoOfThree_Scores66_FailsAnEightyPercentMark_AndNamesTheWrongOne()
    {
        var marked = Quiz.Score(Questions, new Dictionary<Guid, int> { [Q1] = 2, [Q2] = 4, [Q3] = 3 }, 80);
        marked.Score.ShouldBe(66);
        marked.Passed.ShouldBeFalse();
        marked.Wrong.ShouldBe([Q2]);
    }

    [Fact]
    public void TheScoreEqualToThePassMark_Passes()
    {
        Quiz.Score([(Q1, 1), (Q2, 1)], new Dictionary<Guid, int> { [Q1] = 1, [Q2] = 2 }, 50).Passed.ShouldBeTrue();
    }

    [Fact]
    public void AMissingAnswer_CountsAsWrong()
    {
        Quiz.Score(Questions, new Dictionary<Guid, int> { [Q1] = 2 }, 10).Wrong.ShouldBe([Q2, Q3]);
    }

    [Fact]
    public void AQuestion_NeedsTwoToSixDistinctOptions_AndARightOneAmongThem()
    {
        var q = TrainingQuestion.For(Guid.NewGuid(), 1);
        q.Update(new SaveTrainingQuestion.Command { Text = "Which?", Options = "Only one", Correct = 1 }).Errors.ShouldContain(e => e.Field == "Options");
        q.Update(new SaveTrainingQuestion.Command { Text = "Which?", Options = "A\nB\nC", Correct = 4 }).Errors.ShouldContain(e => e.Field == "Correct");
        q.Update(new SaveTrainingQuestion.Command { Text = "Which?", Options = "A\na", Correct = 1 }).Errors.ShouldContain(e => e.Field == "Options");
        q.Update(new SaveTrainingQuestion.Command { Text = "Which?", Options = "A\n\n B \n", Correct = 2 }).Succeeded.ShouldBeTrue();
        q.OptionList.ShouldBe(["A", "B"]);
    }

    [Fact]
    public void ATrainingsAddress_MustBeHttpOrHttps()
    {
        var t = new Training();
        t.Update(new SaveTraining.Command { Title = "Phishing", Kind = TrainingKind.Course, Url = "javascript:alert(1)" }).Errors.ShouldContain(e => e.Field == "Url");
        t.Update(new SaveTraining.Command { Title = "Phishing", Kind = TrainingKind.Course, Url = "ftp://example.org/x" }).Errors.ShouldContain(e => e.Field == "Url");
        t.Update(new SaveTraining.Command { Title = "Phishing", Kind = TrainingKind.Course, Url = "https://learning.example.org/x" }).Succeeded.ShouldBeTrue();
    }
}
