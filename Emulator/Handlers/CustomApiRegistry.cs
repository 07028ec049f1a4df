using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Handlers;

/// <summary>The Custom APIs the organization knows, each dispatched to its plugin type at stage 30.</summary>
internal sealed class CustomApiRegistry
{
    private readonly Organization _org;
    private readonly Dictionary<string, CustomApiHandler> _apis = new(StringComparer.OrdinalIgnoreCase);

    public CustomApiRegistry(Organization org)
    {
        _org = org;
    }

    public IEnumerable<CustomApiDefinition> Definitions => _apis.Values.Select(a => a.Definition);

    public void Add(CustomApiDefinition definition) => _apis[definition.UniqueName] = new CustomApiHandler(definition);

    public IMessageHandler? Handler(string? name) => name is not null && _apis.TryGetValue(name, out var api) ? api : null;
}

/// <summary>One Custom API: checks the typed request parameters, runs the main-operation plugin, returns the response properties.</summary>
internal sealed class CustomApiHandler : IMessageHandler
{
    public CustomApiHandler(CustomApiDefinition definition)
    {
        Definition = definition;
    }

    public CustomApiDefinition Definition { get; }

    public string Message => Definition.UniqueName;

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        foreach (var parameter in Definition.RequestParameters)
        {
            if (!input.TryGetValue(parameter.UniqueName, out var value) || value is null)
            {
                if (!parameter.IsOptional)
                {
                    throw Fault.InvalidArgument($"Required parameter '{parameter.UniqueName}' of the message '{Definition.UniqueName}' is missing.");
                }

                continue;
            }

            if (!IsOfType(value, parameter.Type))
            {
                throw Fault.InvalidArgument(
                    $"The parameter '{parameter.UniqueName}' of the message '{Definition.UniqueName}' must be of type {parameter.Type}, not {value.GetType().Name}.");
            }
        }

        foreach (var name in input.Keys)
        {
            if (name != "Target" && !Definition.RequestParameters.Any(p => p.UniqueName == name))
            {
                throw Fault.InvalidArgument($"The message '{Definition.UniqueName}' has no parameter '{name}'.");
            }
        }

        if (Definition.Binding == CustomApiBinding.Entity)
        {
            var target = Args.Reference(input);
            var table = org.Metadata.Table(Definition.BoundEntity ?? target.LogicalName);
            var id = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
            return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, id, null)]);
        }

        return new PipelineEvent(Message, Definition.BoundEntity ?? "none", []);
    }

    public void Execute(HandlerContext context)
    {
        var context30 = new PluginExecutionContext
        {
            Mode = 0,
            Depth = context.Caller.Depth,
            MessageName = Message,
            PrimaryEntityName = context.Event.PrimaryEntityName,
            PrimaryEntityId = context.Event.PrimaryEntityId,
            InputParameters = context.Input,
            OutputParameters = context.Output,
            UserId = context.Caller.UserId,
            InitiatingUserId = context.Caller.InitiatingUserId,
            BusinessUnitId = context.Org.BusinessUnitOf(context.Caller.UserId),
            OrganizationId = context.Org.OrganizationId,
            CorrelationId = context.Caller.CorrelationId,
            IsInTransaction = true,
            OperationId = Guid.NewGuid(),
            OperationCreatedOn = context.Org.Clock.UtcNow,
            Stage = 30,
            ParentContext = context.Caller.Parent,
        };
        context.Org.Executor.Run(Definition.PluginType, Guid.Empty, null, null, context30);
        foreach (var name in context.Output.Keys.ToList())
        {
            if (!Definition.ResponseProperties.Any(p => p.UniqueName == name))
            {
                context.Output.Remove(name);
            }
        }
    }

    private static bool IsOfType(object value, CustomApiFieldType type) => type switch
    {
        CustomApiFieldType.Boolean => value is bool,
        CustomApiFieldType.DateTime => value is DateTime,
        CustomApiFieldType.Decimal => value is decimal,
        CustomApiFieldType.Entity => value is Entity,
        CustomApiFieldType.EntityCollection => value is EntityCollection,
        CustomApiFieldType.EntityReference => value is EntityReference,
        CustomApiFieldType.Float => value is double,
        CustomApiFieldType.Integer => value is int,
        CustomApiFieldType.Money => value is Money,
        CustomApiFieldType.Picklist => value is OptionSetValue,
        CustomApiFieldType.String => value is string,
        CustomApiFieldType.StringArray => value is string[],
        CustomApiFieldType.Guid => value is Guid,
        _ => false,
    };
}
