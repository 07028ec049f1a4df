using System;

namespace Rapport.Domain.Feed;

/// <summary>
/// A place in a feed's order: newest first by createdon, then by post id descending. Ids compare in SQL Server's
/// uniqueidentifier order (the order Dataverse sorts and filters them in), not <see cref="Guid.CompareTo(Guid)"/>.
/// </summary>
public sealed record FeedPosition(DateTime CreatedOn, Guid PostId)
{
    // SqlGuid's byte significance, most significant first, over Guid.ToByteArray().
    private static readonly int[] SqlOrder = { 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3 };

    /// <summary>True when this position comes after <paramref name="other"/> in the feed (older, or same time and lower id).</summary>
    public bool ComesAfter(FeedPosition other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        var c = CreatedOn.Ticks.CompareTo(other.CreatedOn.Ticks);
        return c < 0 || (c == 0 && CompareSql(PostId, other.PostId) < 0);
    }

    /// <summary>Compares two ids as SQL Server orders uniqueidentifier values.</summary>
    public static int CompareSql(Guid a, Guid b)
    {
        var x = a.ToByteArray();
        var y = b.ToByteArray();
        foreach (var i in SqlOrder)
        {
            if (x[i] != y[i])
            {
                return x[i] < y[i] ? -1 : 1;
            }
        }

        return 0;
    }
}
