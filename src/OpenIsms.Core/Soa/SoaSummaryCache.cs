using OpenIsms.Core.Common;

namespace OpenIsms.Core.Soa;

/// <summary>
/// This node's copy of the SoA summary, with the activity-log position it was computed at. A hint, never the truth: every
/// read compares that position with the database's, so several nodes stay correct without talking to each other.
/// </summary>
public sealed class SoaSummaryCache : INodeMemory
{
    private readonly Lock gate = new();
    private (string Head, GetSoa.View View)? entry;

    public GetSoa.View? Get(string head)
    {
        lock (gate)
        {
            return entry is { } e && e.Head == head ? e.View : null;
        }
    }

    public void Put(string head, GetSoa.View view)
    {
        lock (gate)
        {
            entry = (head, view);
        }
    }

    public void Forget()
    {
        lock (gate)
        {
            entry = null;
        }
    }
}
