using System.Text.Json;
using System.Text.Json.Serialization;

namespace SendPipeline.Workflows.Portal;

/// <summary>The portal API's JSON: camelCase as the page's script expects, enums as words, '£' and accents left readable.</summary>
public static class PortalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
