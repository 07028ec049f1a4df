using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Handlers;

/// <summary>Associate and Disassociate: N:N pairs in the intersect table, or 1:N by setting/clearing the lookup.</summary>
internal static class RelationshipWriter
{
    public static PipelineEvent Describe(string message, Organization org, ParameterCollection input)
    {
        var target = Args.Reference(input);
        var relationship = Args.Required<Relationship>(input, "Relationship");
        var related = Args.Required<EntityReferenceCollection>(input, "RelatedEntities");
        var table = org.Metadata.Table(target.LogicalName);
        if (org.Metadata.ManyToManyNamed(relationship.SchemaName) is null && org.Metadata.OneToManyNamed(relationship.SchemaName) is null)
        {
            throw Fault.InvalidArgument($"The relationship '{relationship.SchemaName}' was not found in the metadata.");
        }

        org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        foreach (var reference in related)
        {
            var other = org.Metadata.Table(reference.LogicalName);
            org.Data.Resolve(other, reference.Id, reference.KeyAttributes, mustExist: true);
        }

        return new PipelineEvent(message, table.LogicalName, [new EventTarget(table.LogicalName, target.Id, null)]);
    }

    public static void Execute(HandlerContext context, bool associate)
    {
        var org = context.Org;
        var target = Args.Reference(context.Input);
        var schema = Args.Required<Relationship>(context.Input, "Relationship").SchemaName;
        var related = Args.Required<EntityReferenceCollection>(context.Input, "RelatedEntities");
        if (org.Metadata.ManyToManyNamed(schema) is { } manyToMany)
        {
            foreach (var other in related)
            {
                ManyToMany(context, manyToMany, target, other, associate);
            }

            return;
        }

        var oneToMany = org.Metadata.OneToManyNamed(schema)!;
        foreach (var other in related)
        {
            var (child, parent) = other.LogicalName == oneToMany.ReferencingEntity ? (other, target) : (target, other);
            var row = org.Data.Read(context.Caller, child.LogicalName, child.Id);
            org.Data.Demand(context.Caller, PrivilegeType.Append, child.LogicalName, row);
            var value = associate ? new EntityReference(parent.LogicalName, parent.Id) : null;
            org.Data.Update(context.Caller, new Entity(child.LogicalName, child.Id) { [oneToMany.ReferencingAttribute] = value }, ConcurrencyBehavior.Default);
        }
    }

    private static void ManyToMany(HandlerContext context, ManyToManyRelationship relationship, EntityReference target, EntityReference other, bool associate)
    {
        var org = context.Org;
        var first = org.Metadata.Table(relationship.Entity1).PrimaryIdAttribute;
        var second = org.Metadata.Table(relationship.Entity2).PrimaryIdAttribute;
        var (one, two) = target.LogicalName == relationship.Entity1 ? (target, other) : (other, target);
        if (one.LogicalName != relationship.Entity1 || two.LogicalName != relationship.Entity2)
        {
            throw Fault.InvalidArgument($"The relationship '{relationship.SchemaName}' joins {relationship.Entity1} and {relationship.Entity2}, not {target.LogicalName} and {other.LogicalName}.");
        }

        var existing = org.Store.Rows(relationship.IntersectEntity)
            .FirstOrDefault(r => r[first] is Guid a && a == one.Id && r[second] is Guid b && b == two.Id);
        // N:N (dis)association needs Append on both rows, not Append/AppendTo as a lookup does
        // (learn.microsoft.com/power-platform/admin/security-roles-privileges, "Append").
        org.Data.Demand(context.Caller, PrivilegeType.Append, one.LogicalName, org.Store.Find(one.LogicalName, one.Id));
        org.Data.Demand(context.Caller, PrivilegeType.Append, two.LogicalName, org.Store.Find(two.LogicalName, two.Id));
        if (associate)
        {
            if (existing is not null)
            {
                throw Fault.DuplicateKey();
            }

            org.Data.Create(context.Caller, new Entity(relationship.IntersectEntity) { [first] = one.Id, [second] = two.Id });
        }
        else if (existing is not null)
        {
            org.Store.Remove(existing);
        }
    }
}

internal sealed class AssociateHandler : IMessageHandler
{
    public string Message => "Associate";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input) => RelationshipWriter.Describe(Message, org, input);

    public void Execute(HandlerContext context) => RelationshipWriter.Execute(context, associate: true);
}

internal sealed class DisassociateHandler : IMessageHandler
{
    public string Message => "Disassociate";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input) => RelationshipWriter.Describe(Message, org, input);

    public void Execute(HandlerContext context) => RelationshipWriter.Execute(context, associate: false);
}
