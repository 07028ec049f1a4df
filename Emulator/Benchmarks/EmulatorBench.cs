using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Emulator.Benchmarks;

/// <summary>
/// The emulator's figures for `rapport bench emulator`: a Retrieve, a filtered RetrieveMultiple over 100,000 rows,
/// and a Create through a pipeline of three steps. Each figure is the best of several runs (Stopwatch), in µs/op.
/// </summary>
public static class EmulatorBench
{
    public const int Rows = 100_000;

    public static IReadOnlyList<BenchFigure> Run(int runs = 5)
    {
        var env = new DataverseEmulator();
        var service = env.SystemService;
        var ids = new List<Guid>(Rows);
        for (var i = 0; i < Rows; i++)
        {
            ids.Add(service.Create(new Entity("account") { ["name"] = "account " + i, ["numberofemployees"] = i % 1000 }));
        }

        var figures = new List<BenchFigure>
        {
            Measure("retrieve", runs, 2000, n => service.Retrieve("account", ids[n * 37 % Rows], new ColumnSet("name"))),
            Measure("retrievemultiple-filtered-100k", runs, 5, _ =>
            {
                var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
                query.Criteria.AddCondition("numberofemployees", ConditionOperator.Equal, 7);
                query.Criteria.AddCondition("name", ConditionOperator.BeginsWith, "account 1");
                return service.RetrieveMultiple(query);
            }),
        };

        var pipeline = new DataverseEmulator();
        pipeline.AddPluginAssembly(typeof(BenchStep).Assembly);
        foreach (var stage in new[] { 10, 20, 40 })
        {
            RegisterStep(pipeline, stage);
        }

        var pipelineService = pipeline.SystemService;
        figures.Add(Measure("create-3-steps", runs, 2000, n => pipelineService.Create(new Entity("contact") { ["lastname"] = "c" + n })));
        return figures;
    }

    private static void RegisterStep(DataverseEmulator env, int stage)
    {
        var service = env.SystemService;
        var type = service.Create(new Entity("plugintype") { ["typename"] = typeof(BenchStep).FullName });
        var message = env.Organization.MessageId("Create");
        service.Create(new Entity("sdkmessageprocessingstep")
        {
            ["name"] = "bench " + stage,
            ["plugintypeid"] = new EntityReference("plugintype", type),
            ["sdkmessageid"] = new EntityReference("sdkmessage", message),
            ["sdkmessagefilterid"] = new EntityReference("sdkmessagefilter", env.Organization.MessageFilterId(message, "contact")),
            ["stage"] = new OptionSetValue(stage),
            ["mode"] = new OptionSetValue(0),
            ["rank"] = 1,
        });
    }

    private static BenchFigure Measure(string name, int runs, int operations, Func<int, object> operation)
    {
        operation(0);
        var best = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            for (var n = 0; n < operations; n++)
            {
                operation(n);
            }

            best = Math.Min(best, watch.Elapsed.TotalMilliseconds * 1000 / operations);
        }

        return new BenchFigure(name, best, 1_000_000 / best);
    }
}

/// <summary>One figure: microseconds per operation (best run) and the matching operations per second.</summary>
public sealed record BenchFigure(string Name, double MicrosecondsPerOp, double OpsPerSecond);

/// <summary>A step that does what a thin plugin does: read the target, set a column.</summary>
public sealed class BenchStep : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (context.Stage != 40 && context.InputParameters["Target"] is Entity target)
        {
            target["description"] = "bench";
        }
    }
}
