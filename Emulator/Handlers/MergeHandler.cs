using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;
using Rapport.Emulator.Store;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Handlers;

/// <summary>
/// Merge: Target (the survivor), SubordinateId, UpdateContent, PerformParentingChecks — for the tables Dataverse
/// merges (account, contact, lead, incident). UpdateContent is written to the survivor; every lookup on other rows
/// that points at the subordinate is re-pointed to the survivor (Dataverse re-parents the child records); the
/// subordinate is deactivated with merged = true and masterid = the survivor where those columns exist. Merge steps
/// registered on the table run around it like any message.
/// </summary>
internal sealed class MergeHandler : IMessageHandler
{
    private static readonly string[] Mergeable = ["account", "contact", "lead", "incident"];

    public string Message => "Merge";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var target = Args.Reference(input);
        if (!input.TryGetValue("SubordinateId", out var sub) || sub is not Guid subordinate || subordinate == Guid.Empty)
        {
            throw Fault.MissingArgument("SubordinateId");
        }

        _ = Args.Required<Entity>(input, "UpdateContent");
        if (!Mergeable.Contains(target.LogicalName))
        {
            throw Fault.InvalidArgument($"Merge is supported for account, contact, lead and incident, not '{target.LogicalName}'.");
        }

        var table = org.Metadata.Table(target.LogicalName);
        var id = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        _ = org.Store.Find(table.LogicalName, subordinate) ?? throw Fault.DoesNotExist(table.LogicalName, subordinate);
        if (id == subordinate)
        {
            throw Fault.InvalidArgument("A record cannot be merged into itself: Target and SubordinateId are the same.");
        }

        return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, id, null)]);
    }

    public void Execute(HandlerContext context)
    {
        var org = context.Org;
        var target = context.Event.Targets[0];
        var table = org.Metadata.Table(target.Table);
        var subordinateId = context.Input["SubordinateId"] is Guid sub ? sub : throw Fault.MissingArgument("SubordinateId");
        var survivor = org.Data.Read(context.Caller, table.LogicalName, target.Id);
        var subordinate = org.Data.Read(context.Caller, table.LogicalName, subordinateId);
        org.Data.Demand(context.Caller, PrivilegeType.Write, table.LogicalName, survivor);
        org.Data.Demand(context.Caller, PrivilegeType.Write, table.LogicalName, subordinate);
        if (Args.Value(context.Input, "PerformParentingChecks", false))
        {
            CheckParents(table.LogicalName, survivor, subordinate);
        }

        var content = Args.Required<Entity>(context.Input, "UpdateContent");
        var update = new Entity(table.LogicalName, target.Id);
        foreach (var pair in content.Attributes.Where(p => p.Key != table.PrimaryIdAttribute))
        {
            update[pair.Key] = pair.Value;
        }

        if (update.Attributes.Count > 0)
        {
            org.Data.Update(context.Caller, update, ConcurrencyBehavior.Default);
        }

        Reparent(context, table.LogicalName, subordinateId, target.Id);
        org.Data.UpdateSystem(context.Caller, org.Store.Find(table.LogicalName, subordinateId)!, values =>
        {
            org.Data.SetState(table, values, new OptionSetValue(1), null);
            if (table.HasColumn("merged"))
            {
                values["merged"] = true;
            }

            if (table.HasColumn("masterid"))
            {
                values["masterid"] = new EntityReference(table.LogicalName, target.Id);
            }
        });
    }

    /// <summary>Every lookup (on any table) that points at the subordinate now points at the survivor.</summary>
    private static void Reparent(HandlerContext context, string table, Guid subordinate, Guid survivor)
    {
        var org = context.Org;
        foreach (var other in org.Metadata.Tables)
        {
            var lookups = other.Columns.Where(c => c.Type is ColumnType.Lookup or ColumnType.Customer).Select(c => c.LogicalName).ToList();
            if (lookups.Count == 0)
            {
                continue;
            }

            var rows = org.Store.Rows(other.LogicalName)
                .Where(r => !(r.Table == table && r.Id == subordinate) && lookups.Any(c => Points(r[c], table, subordinate)))
                .ToList();
            foreach (var row in rows)
            {
                org.Data.UpdateSystem(context.Caller, row, values =>
                {
                    foreach (var column in lookups.Where(c => Points(values.GetValueOrDefault(c), table, subordinate)))
                    {
                        values[column] = new EntityReference(table, survivor);
                    }
                });
            }
        }
    }

    private static bool Points(object? value, string table, Guid id) => value is EntityReference r && r.Id == id && r.LogicalName == table;

    /// <summary>Dataverse refuses a merge with parenting checks when the two records have different parents.</summary>
    private static void CheckParents(string table, Row survivor, Row subordinate)
    {
        var column = table switch
        {
            "account" => "parentaccountid",
            "contact" => "parentcustomerid",
            _ => null,
        };
        if (column is null)
        {
            return;
        }

        var a = (survivor[column] as EntityReference)?.Id;
        var b = (subordinate[column] as EntityReference)?.Id;
        if (a.HasValue && b.HasValue && a != b)
        {
            throw Fault.InvalidArgument($"The two {table} records have different parents ({column}); merge them without parenting checks or align the parents first.");
        }
    }
}
