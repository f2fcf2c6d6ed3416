using System.Text.Json;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// <c>powerbi/schema.json</c>: the tables with their grain, key and typed columns, and the relationships
/// Power BI should make, for the analyst, the M queries and the tests. No row counts or times, so it changes
/// only when the schema does.
/// </summary>
public static class StarSchemaJson
{
    public static void Write(StarSchema schema, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("tables");
        foreach (var t in schema.Tables)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteString("kind", t.IsDimension ? "dimension" : "fact");
            w.WriteString("grain", t.Grain);
            if (t.Key is not null) w.WriteString("key", t.Key);
            w.WriteString("parquet", $"{t.Name}/{t.Name}.parquet");
            w.WriteString("csv", $"{t.Name}/{t.Name}.csv");
            w.WriteStartArray("columns");
            foreach (var c in t.Columns)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("type", c.Type.ToString());
                w.WriteBoolean("nullable", c.Nullable);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("relationships");
        foreach (var r in schema.Relationships)
        {
            w.WriteStartObject();
            w.WriteString("fact", r.Fact);
            w.WriteString("column", r.Column);
            w.WriteString("dimension", r.Dimension);
            w.WriteString("dimensionKey", schema[r.Dimension].Key);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
