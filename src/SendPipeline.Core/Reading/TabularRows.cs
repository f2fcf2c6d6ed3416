namespace SendPipeline.Core.Reading;

/// <summary>What a row of a table upload holds, asked the same way by every validator.</summary>
public static class TabularRows
{
    /// <summary>A row with nothing in it but spaces: skipped, never an error.</summary>
    public static bool IsBlank(ITabularReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
            if (!Values.Clean(reader[i]).IsEmpty) return false;
        return true;
    }

    /// <summary>Spreadsheets often pad rows with empty cells past the last column: harmless.</summary>
    public static bool OnlyBlankExtras(ITabularReader reader, int headerCount)
    {
        if (reader.FieldCount < headerCount) return false;
        for (var i = headerCount; i < reader.FieldCount; i++)
            if (!Values.Clean(reader[i]).IsEmpty) return false;
        return true;
    }
}
