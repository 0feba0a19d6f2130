namespace OpenIsms.BrowserTests.Pages;

/// <summary>
/// A likelihood and the impact on each rated area, in the order the form shows them; areas beyond the list take the
/// last impact given. The risk's impact is the highest of them.
/// </summary>
public sealed record Rating(int Likelihood, params int[] Impacts);
