using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SendPipeline.Functions.Configuration;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddSendPipelineTelemetry(builder.Configuration);
builder.Services.AddSendPipelineStorage(builder.Configuration);
builder.Services.AddSendPipelineIngestActivities(builder.Configuration);

builder.Build().Run();
