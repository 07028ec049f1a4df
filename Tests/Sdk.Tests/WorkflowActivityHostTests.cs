using System;
using System.Activities;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Rapport.Sdk.Tests;

/// <summary>The System.Activities surrogate runs a CodeActivity the way WF's WorkflowInvoker does.</summary>
[TestFixture]
public sealed class WorkflowActivityHostTests
{
    [Test]
    public void Inputs_are_read_by_name_and_outputs_collected_by_name()
    {
        var invoker = new WorkflowInvoker(new Greet());
        invoker.Extensions.Add(new Tracer());

        var outputs = invoker.Invoke(new Dictionary<string, object?> { ["Name"] = "Ada", ["Times"] = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(outputs["Greeting"], Is.EqualTo("Hello Ada Hello Ada"));
            Assert.That(outputs["Traced"], Is.True, "GetExtension<T> finds the host's extension");
            Assert.That(outputs.Keys, Is.EquivalentTo(new[] { "Greeting", "Traced" }), "only out arguments come back");
        });
    }

    [Test]
    public void An_optional_input_that_is_not_supplied_reads_as_default()
    {
        var outputs = WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object?> { ["Name"] = "Ada" });

        Assert.Multiple(() =>
        {
            Assert.That(outputs["Greeting"], Is.EqualTo(string.Empty));
            Assert.That(outputs["Traced"], Is.False, "no extension was added");
        });
    }

    [Test]
    public void A_missing_required_input_fails_like_WF_naming_the_argument()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object?>()));

        Assert.That(error!.Message, Does.Contain("Value for a required activity argument 'Name' was not supplied"));
    }

    [Test]
    public void An_input_that_maps_to_no_argument_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object?> { ["Name"] = "Ada", ["name"] = "x" }));

        Assert.That(error!.Message, Does.Contain("do not map to arguments"));
    }

    [Test]
    public void An_exception_from_the_activity_propagates_unwrapped()
    {
        Assert.Throws<InvalidPluginExecutionException>(() =>
            WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object?> { ["Name"] = "fail" }));
    }

    [Test]
    public void A_typed_CodeActivity_returns_its_result()
    {
        var length = WorkflowInvoker.Invoke(new Length(), new Dictionary<string, object?> { ["Text"] = "four" });

        Assert.That(length, Is.EqualTo(4));
    }

    [Test]
    public void Workflow_attributes_expose_their_values()
    {
        var name = typeof(Greet).GetProperty(nameof(Greet.Name))!;
        var input = (InputAttribute)Attribute.GetCustomAttribute(name, typeof(InputAttribute))!;
        var fallback = (DefaultAttribute)Attribute.GetCustomAttribute(name, typeof(DefaultAttribute))!;

        Assert.Multiple(() =>
        {
            Assert.That(input.Name, Is.EqualTo("Name to greet"));
            Assert.That(fallback.Value, Is.EqualTo("World"));
            Assert.That(fallback.EntityName, Is.Null);
            Assert.That(new ArgumentRequiredAttribute(true).ArgumentValue, Is.EqualTo(true));
            Assert.That(new ArgumentDirectionAttribute(ArgumentDirection.Output).ArgumentValue, Is.EqualTo(ArgumentDirection.Output));
        });
    }

    private sealed class Tracer : ITracingService
    {
        public void Trace(string format, params object?[] args)
        {
        }
    }

    private sealed class Greet : CodeActivity
    {
        [RequiredArgument]
        [Input("Name to greet")]
        [Default("World")]
        public InArgument<string> Name { get; set; } = new();

        [Input("Times")]
        public InArgument<int> Times { get; set; } = new();

        [Output("Greeting")]
        public OutArgument<string> Greeting { get; set; } = new();

        [Output("Traced")]
        public OutArgument<bool> Traced { get; set; } = new();

        protected override void Execute(CodeActivityContext context)
        {
            var name = Name.Get(context);
            if (name == "fail")
            {
                throw new InvalidPluginExecutionException("asked to fail");
            }

            var greetings = new List<string>();
            for (var i = 0; i < Times.Get(context); i++)
            {
                greetings.Add("Hello " + name);
            }

            Greeting.Set(context, string.Join(" ", greetings));
            Traced.Set(context, context.GetExtension<ITracingService>() is not null);
        }
    }

    private sealed class Length : CodeActivity<int>
    {
        [RequiredArgument]
        public InArgument<string> Text { get; set; } = new();

        protected override int Execute(CodeActivityContext context) => Text.Get(context).Length;
    }
}
