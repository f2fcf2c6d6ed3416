namespace SendPipeline.Core.PowerBi;

/// <summary>
/// The rows of a star table, made a row group at a time as they are written, so that no table has to be
/// held whole: a pupil-grain fact is millions of rows at national scale (issue 20). A table may be read
/// any number of times; each reading makes its rows again from the picture.
/// </summary>
public abstract class StarRows
{
    /// <summary>Rows in a Parquet row group: enough to compress well, few enough to hold (10 MB of keys).</summary>
    public const int RowGroupSize = 65_536;

    public static readonly StarRows None = Listed([]);

    /// <summary>
    /// The rows in order, at most <paramref name="groupSize"/> to a group. There is always at least one
    /// group: an empty table is one empty group, as its Parquet file has one. The same group is refilled
    /// for the next, so a group is only good until the next is asked for.
    /// </summary>
    public abstract IEnumerable<StarRowGroup> Groups(IReadOnlyList<StarColumn> columns,
        int groupSize = RowGroupSize);

    /// <summary>A small table (a dimension, an aggregate) built whole as boxed rows.</summary>
    public static StarRows Listed(IReadOnlyList<object?[]> rows) =>
        new Made<object?[]>(() => rows, (r, g) => g.Boxed(r));

    /// <summary>
    /// Rows made from <paramref name="items"/>, in their order, one each: <paramref name="fill"/> appends
    /// the row's values in column order (<c>(p, row) =&gt; row.Int(p.Key).Text(p.Code)</c>).
    /// </summary>
    public static StarRows Streamed<T>(Func<IEnumerable<T>> items, Action<T, StarRowGroup> fill) =>
        new Made<T>(items, fill);

    private sealed class Made<T>(Func<IEnumerable<T>> items, Action<T, StarRowGroup> fill) : StarRows
    {
        public override IEnumerable<StarRowGroup> Groups(IReadOnlyList<StarColumn> columns,
            int groupSize = RowGroupSize)
        {
            var group = new StarRowGroup(columns, groupSize);
            var yielded = false;
            foreach (var item in items())
            {
                fill(item, group);
                group.EndRow();
                if (!group.IsFull) continue;
                yield return group;
                yielded = true;
                group.Clear();
            }
            if (group.Count > 0 || !yielded) yield return group;
        }
    }
}
