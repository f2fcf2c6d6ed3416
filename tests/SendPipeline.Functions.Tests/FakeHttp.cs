using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace SendPipeline.Functions.Tests;

/// <summary>An HTTP trigger's request, as the worker hands it over: method, JSON body and headers.</summary>
internal sealed class FakeRequest(FunctionContext context, string method, string body, (string Name, string Value)[] headers) : HttpRequestData(context)
{
    public override Stream Body { get; } = new MemoryStream(Encoding.UTF8.GetBytes(body));
    public override HttpHeadersCollection Headers { get; } = new(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));
    public override IReadOnlyCollection<IHttpCookie> Cookies => [];
    public override Uri Url => new("https://sendpipeline.example/api/");
    public override IEnumerable<ClaimsIdentity> Identities => [];
    public override string Method => method;
    public override HttpResponseData CreateResponse() => new FakeResponse(FunctionContext);
}

/// <summary>The response a trigger writes, kept to read back.</summary>
internal sealed class FakeResponse(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; }
    public override HttpHeadersCollection Headers { get; set; } = [];
    public override Stream Body { get; set; } = new MemoryStream();
    public override HttpCookies Cookies => throw new NotSupportedException();
    public string Text => Encoding.UTF8.GetString(((MemoryStream)Body).ToArray());
}
