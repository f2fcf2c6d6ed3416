namespace SendPipeline.Core.PowerBi;

/// <summary>One row going into an aggregate: its grain values, values that follow from the grain (a setting's
/// code beside its key), and an amount summed with the count (annual cost), if the table has one.</summary>
internal sealed record AggregateInput(object?[] Grain, object?[] Attributes, decimal Amount = 0);

/// <summary>
/// Suppressed counts, as the DfE and ONS publish small-area statistics: rows are counted by their grain, a
/// count under the threshold is blanked (primary suppression), and further cells are blanked (secondary
/// suppression) until no blanked cell can be worked out from the cells published and the totals of the
/// table, since an officer can always sum a line of cells in Power BI and the same totals are often published
/// elsewhere. <see cref="Suppress"/> says how.
/// </summary>
internal static class CountSuppression
{
    /// <summary>
    /// The table: the grain columns, the attribute columns, the count (null when suppressed), the summed
    /// amount when <paramref name="amountColumn"/> is given (null with its count), and <c>Suppressed</c>.
    /// </summary>
    /// <param name="partitions">How many of the grain columns, from the first, split the table into tables of
    /// their own (a census date): no total is taken across them, since no one adds pupils across censuses.</param>
    public static StarTable Table(string name, string grain, IReadOnlyList<StarColumn> grainColumns,
        IReadOnlyList<StarColumn> attributeColumns,
        string countColumn, string? amountColumn, IEnumerable<AggregateInput> rows, int threshold, int partitions = 1)
    {
        var cells = new Dictionary<GrainKey, (object?[] Attributes, long Count, decimal Amount)>();
        foreach (var row in rows)
        {
            var key = new GrainKey(row.Grain);
            var (_, count, amount) = cells.GetValueOrDefault(key);
            cells[key] = (row.Attributes, count + 1, amount + row.Amount);
        }
        var ordered = cells.OrderBy(c => c.Key).ToList();
        var suppressed = new bool[ordered.Count];
        var parts = Enumerable.Range(0, ordered.Count).GroupBy(i => new GrainKey(ordered[i].Key.Values[..partitions]));
        foreach (var part in parts)
        {
            var members = part.ToList();
            var blanked = Suppress([.. members.Select(i => ordered[i].Key.Values[partitions..])],
                [.. members.Select(i => ordered[i].Value.Count)], threshold);
            for (var j = 0; j < members.Count; j++) suppressed[members[j]] = blanked[j];
        }
        IReadOnlyList<StarColumn> columns =
        [
            .. grainColumns, .. attributeColumns, StarColumns.Int(countColumn, nullable: true),
            .. amountColumn is null ? Array.Empty<StarColumn>() : [StarColumns.Dec(amountColumn, nullable: true)],
            StarColumns.Flag("Suppressed"),
        ];
        return new StarTable(name, grain, columns, [.. ordered.Select((c, i) => (object?[])
        [
            .. c.Key.Values, .. c.Value.Attributes, suppressed[i] ? null : c.Value.Count,
            .. amountColumn is null ? Array.Empty<object?>()
                : [suppressed[i] ? null : StarColumns.Round(c.Value.Amount)],
            suppressed[i],
        ])]);
    }

    /// <summary>
    /// Which cells to blank. A line is the cells that differ in one grain column only (a school's pupils by
    /// provision; a provision's pupils by school); its total is taken as known whenever it has two or more
    /// cells and is not itself under the threshold (a total under it would be suppressed too; a line of one
    /// cell has the cell as its total). Then:
    /// <list type="number">
    /// <item>primary: every count under <paramref name="threshold"/> is blanked;</item>
    /// <item>secondary: in a line with a known total, one blanked cell is its total less the others, and blanked
    /// cells that are all 1 are given away by their total (every cell is at least 1), so the smallest published
    /// cell of the line is blanked too, until neither holds anywhere;</item>
    /// <item>then any blanked cell that the known totals still fix (a chain of lines, found by Gaussian
    /// elimination over the lines) gets the smallest published cell of one of its lines blanked, and 2 and 3
    /// repeat until nothing changes.</item>
    /// </list>
    /// Cells are chosen smallest first, to lose the least; a cell that is a line of its own is chosen last.
    /// </summary>
    public static bool[] Suppress(IReadOnlyList<object?[]> grain, IReadOnlyList<long> counts, int threshold)
    {
        var n = counts.Count;
        var suppressed = new bool[n];
        for (var i = 0; i < n; i++) suppressed[i] = counts[i] < threshold;
        if (n == 0) return suppressed;

        var allLines = Lines(grain);
        var alone = new bool[n];
        foreach (var line in allLines.Where(l => l.Length == 1)) alone[line[0]] = true;
        var known = allLines.Where(l => l.Length >= 2 && l.Sum(i => counts[i]) >= threshold).ToList();
        var linesOf = new List<int[]>[n];
        for (var i = 0; i < n; i++) linesOf[i] = [];
        foreach (var line in known) foreach (var i in line) linesOf[i].Add(line);

        // The smallest published cell of a line, a cell alone in some line last; -1 when all are blanked.
        int Candidate(int[] line) => line.Where(i => !suppressed[i])
            .OrderBy(i => alone[i]).ThenBy(i => counts[i]).ThenBy(i => i).DefaultIfEmpty(-1).First();

        while (true)
        {
            var changed = false;
            foreach (var line in known)
            {
                var blanked = line.Where(i => suppressed[i]).ToList();
                var exposed = blanked.Count == 1 || (blanked.Count > 1 && blanked.Sum(i => counts[i]) == blanked.Count);
                if (exposed && Candidate(line) is >= 0 and var c) { suppressed[c] = true; changed = true; }
            }
            if (changed) continue;
            var exposedCells = Determined(known, suppressed, n).Concat(Pinned(known, counts, suppressed))
                .Distinct().ToList();
            foreach (var cell in exposedCells)
            {
                var pick = linesOf[cell].Select(Candidate).Where(c => c >= 0)
                    .OrderBy(c => alone[c]).ThenBy(c => counts[c]).ThenBy(c => c).DefaultIfEmpty(-1).First();
                if (pick >= 0 && !suppressed[pick]) { suppressed[pick] = true; changed = true; }
            }
            // A cell whose own lines are all blanked is broken free through any line that holds a blanked cell.
            if (!changed && exposedCells.Count > 0)
            {
                var pick = known.Where(l => l.Any(i => suppressed[i])).Select(Candidate).Where(c => c >= 0)
                    .OrderBy(c => alone[c]).ThenBy(c => counts[c]).ThenBy(c => c).DefaultIfEmpty(-1).First();
                if (pick >= 0) { suppressed[pick] = true; changed = true; }
            }
            if (!changed) return suppressed;
        }
    }

    private const int ExactCheckCells = 10, ExactCheckNodes = 200_000;

    /// <summary>
    /// Blanked cells pinned by the bounds as well as the totals (every cell is at least 1): a group of blanked
    /// cells linked by known lines, of up to <see cref="ExactCheckCells"/> cells, is searched for every integer
    /// solution, and a cell with one value in all of them is pinned. Larger groups (or a search past
    /// <see cref="ExactCheckNodes"/> steps) rely on the linear check alone.
    /// </summary>
    internal static IEnumerable<int> Pinned(IReadOnlyList<int[]> lines, IReadOnlyList<long> counts, bool[] suppressed)
    {
        var relevant = lines.Where(l => l.Any(i => suppressed[i])).ToList();
        var groupOf = new Dictionary<int, int>();
        var groups = new List<HashSet<int>>();
        foreach (var line in relevant)
        {
            var cells = line.Where(i => suppressed[i]).ToList();
            var joined = cells.Where(groupOf.ContainsKey).Select(c => groupOf[c]).Distinct().ToList();
            var group = new HashSet<int>(cells);
            foreach (var g in joined) group.UnionWith(groups[g]);
            groups.Add(group);
            foreach (var c in group) groupOf[c] = groups.Count - 1;
        }
        foreach (var group in groupOf.Values.Distinct().Select(g => groups[g]).Where(g => g.Count <= ExactCheckCells))
        {
            var cells = group.Order().ToList();
            var constraints = relevant.Where(l => l.Any(group.Contains))
                .Select(l => (Vars: l.Where(group.Contains).Select(i => cells.IndexOf(i)).ToArray(),
                    Residual: l.Where(group.Contains).Sum(i => counts[i])))
                .ToList();
            var bound = Enumerable.Range(0, cells.Count)
                .Select(v => constraints.Where(c => c.Vars.Contains(v)).Min(c => c.Residual)).ToArray();
            var seen = cells.Select(_ => new HashSet<long>()).ToList();
            var values = new long[cells.Count];
            var nodes = 0;
            Search(0);
            if (nodes > ExactCheckNodes) continue;
            foreach (var v in Enumerable.Range(0, cells.Count).Where(v => seen[v].Count == 1)) yield return cells[v];

            void Search(int v)
            {
                if (++nodes > ExactCheckNodes || seen.All(x => x.Count > 1)) return;
                if (v == cells.Count)
                {
                    if (constraints.All(c => c.Vars.Sum(x => values[x]) == c.Residual))
                        for (var i = 0; i < values.Length; i++) seen[i].Add(values[i]);
                    return;
                }
                for (var value = 1L; value <= bound[v]; value++)
                {
                    values[v] = value;
                    if (constraints.All(c => c.Vars.Sum(x => x <= v ? values[x] : 1) <= c.Residual)) Search(v + 1);
                }
            }
        }
    }

    /// <summary>Every line along every grain column: the cells that agree on all the other columns.</summary>
    private static List<int[]> Lines(IReadOnlyList<object?[]> grain)
    {
        var lines = new List<int[]>();
        var width = grain[0].Length;
        for (var d = 0; d < width; d++)
        {
            var groups = new Dictionary<GrainKey, List<int>>();
            for (var i = 0; i < grain.Count; i++)
            {
                var rest = new GrainKey([.. grain[i].Where((_, j) => j != d)]);
                if (!groups.TryGetValue(rest, out var members)) groups[rest] = members = [];
                members.Add(i);
            }
            lines.AddRange(groups.Values.Select(g => g.ToArray()));
        }
        return lines;
    }

    /// <summary>
    /// The blanked cells whose value the known line totals fix: a cell is fixed when its unit vector lies in
    /// the row space of the lines restricted to the blanked cells, which in reduced row echelon form means a
    /// pivot column whose row has no entry in a free column. Arithmetic is modulo a 61-bit prime, exact for
    /// these 0/1 systems but for a chance of about one in 2^61 per step.
    /// </summary>
    internal static IEnumerable<int> Determined(IReadOnlyList<int[]> lines, bool[] suppressed, int n)
    {
        var column = new Dictionary<int, int>();
        var cells = new List<int>();
        for (var i = 0; i < n; i++) if (suppressed[i]) { column[i] = cells.Count; cells.Add(i); }
        var rows = new List<ulong[]>();
        foreach (var line in lines)
        {
            if (!line.Any(i => suppressed[i])) continue;
            var row = new ulong[cells.Count];
            foreach (var i in line) if (suppressed[i]) row[column[i]] = 1;
            rows.Add(row);
        }
        var pivotRowOf = new int[cells.Count];
        Array.Fill(pivotRowOf, -1);
        var rank = 0;
        for (var c = 0; c < cells.Count && rank < rows.Count; c++)
        {
            var p = rows.FindIndex(rank, r => r[c] != 0);
            if (p < 0) continue;
            (rows[rank], rows[p]) = (rows[p], rows[rank]);
            var pivot = rows[rank];
            var inverse = Power(pivot[c], Prime - 2);
            for (var k = c; k < pivot.Length; k++) pivot[k] = Multiply(pivot[k], inverse);
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == rank || rows[r][c] == 0) continue;
                var (row, factor) = (rows[r], rows[r][c]);
                for (var k = c; k < row.Length; k++)
                    if (pivot[k] != 0) row[k] = (row[k] + Prime - Multiply(factor, pivot[k])) % Prime;
            }
            pivotRowOf[c] = rank++;
        }
        for (var c = 0; c < cells.Count; c++)
        {
            if (pivotRowOf[c] < 0) continue;
            var row = rows[pivotRowOf[c]];
            var free = false;
            for (var k = 0; k < row.Length && !free; k++) free = k != c && row[k] != 0 && pivotRowOf[k] < 0;
            if (!free) yield return cells[c];
        }
    }

    private const ulong Prime = (1UL << 61) - 1;

    private static ulong Multiply(ulong a, ulong b) => (ulong)((UInt128)a * b % Prime);

    private static ulong Power(ulong b, ulong e)
    {
        var result = 1UL;
        for (; e > 0; e >>= 1, b = Multiply(b, b)) if ((e & 1) == 1) result = Multiply(result, b);
        return result;
    }

    /// <summary>A row's grain values, compared value by value, ordered column by column (null first).</summary>
    internal sealed class GrainKey(object?[] values) : IEquatable<GrainKey>, IComparable<GrainKey>
    {
        public object?[] Values { get; } = values;

        public bool Equals(GrainKey? other) => other is not null && Values.SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as GrainKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var v in Values) hash.Add(v);
            return hash.ToHashCode();
        }

        public int CompareTo(GrainKey? other)
        {
            for (var i = 0; i < Values.Length; i++)
            {
                var (a, b) = (Values[i], other!.Values[i]);
                var c = a is null ? (b is null ? 0 : -1) : b is null ? 1
                    : a is string s ? string.CompareOrdinal(s, (string)b) : Comparer<object>.Default.Compare(a, b);
                if (c != 0) return c;
            }
            return 0;
        }
    }
}
