using System;
using Microsoft.Xrm.Sdk;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>Test Custom APIs: rapport_Echo (action) returns its text; rapport_Add (function) adds two integers.</summary>
public sealed class EchoPlugin : IPlugin
{
    public static readonly CustomApiDefinition Echo = new("rapport_Echo", "Echo", typeof(EchoPlugin).FullName!)
    {
        RequestParameters = [new CustomApiFieldDefinition("Text", "Text", CustomApiFieldType.String), new CustomApiFieldDefinition("Times", "Times", CustomApiFieldType.Integer) { IsOptional = true }],
        ResponseProperties = [new CustomApiFieldDefinition("Echoed", "Echoed", CustomApiFieldType.String)],
    };

    public static readonly CustomApiDefinition Add = new("rapport_Add", "Add", typeof(EchoPlugin).FullName!)
    {
        IsFunction = true,
        RequestParameters = [new CustomApiFieldDefinition("A", "A", CustomApiFieldType.Integer), new CustomApiFieldDefinition("B", "B", CustomApiFieldType.Integer), new CustomApiFieldDefinition("Label", "Label", CustomApiFieldType.String) { IsOptional = true }],
        ResponseProperties = [new CustomApiFieldDefinition("Sum", "Sum", CustomApiFieldType.Integer), new CustomApiFieldDefinition("Echoed", "Echoed", CustomApiFieldType.String)],
    };

    public void Execute(IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (context.MessageName == Add.UniqueName)
        {
            context.OutputParameters["Sum"] = (int)context.InputParameters["A"]! + (int)context.InputParameters["B"]!;
            context.OutputParameters["Echoed"] = context.InputParameters.TryGetValue("Label", out var label) ? label : null;
            return;
        }

        var text = (string)context.InputParameters["Text"]!;
        if (text == "fail")
        {
            throw new InvalidPluginExecutionException("Echo refuses to fail quietly.");
        }

        var times = context.InputParameters.TryGetValue("Times", out var n) && n is int count ? count : 1;
        context.OutputParameters["Echoed"] = string.Concat(System.Linq.Enumerable.Repeat(text, times));
    }
}
