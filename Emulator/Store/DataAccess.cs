using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Metadata;
using Rapport.Emulator.Pipeline;
using Rapport.Emulator.Security;
using Rapport.Solution.Model;
using static Rapport.Emulator.Metadata.SystemColumns;

namespace Rapport.Emulator.Store;

/// <summary>
/// Every read and write of a row goes through here: metadata validation, the platform's system columns, alternate
/// keys, cascades, and the access policy. Handlers never touch the store directly.
/// </summary>
internal sealed class DataAccess
{
    private readonly Organization _org;

    public DataAccess(Organization org)
    {
        _org = org;
    }

    private EntityStore Store => _org.Store;

    private MetadataCatalog Metadata => _org.Metadata;

    public void Demand(CallerContext caller, PrivilegeType privilege, string table, Row? row, Guid? ownerId = null)
    {
        var request = new AccessRequest(caller.UserId, privilege, table, row, ownerId);
        if (!_org.AccessPolicy.HasAccess(request))
        {
            throw _org.AccessPolicy.Denied(request);
        }
    }

    /// <summary>The row, checked for read access; ObjectDoesNotExist when missing.</summary>
    public Row Read(CallerContext caller, string table, Guid id)
    {
        var row = Store.Find(table, id) ?? throw Fault.DoesNotExist(table, id);
        Demand(caller, PrivilegeType.Read, table, row);
        return row;
    }

    /// <summary>The id a reference points to: its Id, or the row its alternate key values identify.</summary>
    public Guid Resolve(TableMetadata table, Guid id, KeyAttributeCollection? keys, bool mustExist)
    {
        if (id != Guid.Empty)
        {
            if (mustExist && Store.Find(table.LogicalName, id) is null)
            {
                throw Fault.DoesNotExist(table.LogicalName, id);
            }

            return id;
        }

        if (keys is null || keys.Count == 0)
        {
            throw Fault.InvalidArgument($"Entity Id must be specified for Operation on '{table.LogicalName}'.");
        }

        var found = FindByKeys(table, keys);
        return found ?? (mustExist ? throw Fault.DoesNotExistByKey(table.LogicalName, KeysText(keys)) : Guid.Empty);
    }

    public Guid? FindByKeys(TableMetadata table, KeyAttributeCollection keys)
    {
        if (keys.Count == 1 && keys.Contains(table.PrimaryIdAttribute) && keys[table.PrimaryIdAttribute] is Guid pk)
        {
            return Store.Find(table.LogicalName, pk)?.Id;
        }

        var names = keys.Keys.ToHashSet(StringComparer.Ordinal);
        var key = table.Keys.FirstOrDefault(k => k.Columns.Count == names.Count && k.Columns.All(names.Contains))
            ?? throw Fault.KeyNotDefined(table.LogicalName, names.Order(StringComparer.Ordinal));
        foreach (var column in key.Columns)
        {
            var definition = table.Column(column) ?? throw Fault.NoAttribute(table.LogicalName, column);
            ValueValidator.Validate(table, definition, keys[column]);
        }

        var text = KeyText.Of(key.Columns, c => keys[c]);
        return text is null ? null : Store.FindByKey(table.LogicalName, key.LogicalName, text);
    }

    public Row Create(CallerContext caller, Entity target)
    {
        var table = Metadata.Table(target.LogicalName);
        var id = target.Id != Guid.Empty ? target.Id
            : target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var pk) && pk is Guid given && given != Guid.Empty ? given
            : Guid.NewGuid();
        if (Store.Find(table.LogicalName, id) is not null)
        {
            throw Fault.DuplicateKey();
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in target.KeyAttributes)
        {
            Apply(caller, table, values, pair.Key, pair.Value);
        }

        foreach (var pair in target.Attributes)
        {
            if (pair.Key != table.PrimaryIdAttribute)
            {
                Apply(caller, table, values, pair.Key, pair.Value);
            }
        }

        var now = _org.Clock.UtcNow;
        var user = new EntityReference("systemuser", caller.UserId);
        values[table.PrimaryIdAttribute] = id;
        values[CreatedOn] = values.TryGetValue(OverriddenCreatedOn, out var overridden) && overridden is DateTime at ? at : now;
        values[ModifiedOn] = now;
        values[CreatedBy] = user;
        values[ModifiedBy] = new EntityReference("systemuser", caller.UserId);
        values[VersionNumber] = Store.NextVersion();
        if (table.IsUserOwned)
        {
            var owner = values.TryGetValue(OwnerId, out var o) && o is EntityReference chosen ? chosen : new EntityReference("systemuser", caller.UserId);
            SetOwner(values, owner);
        }

        if (table.HasState)
        {
            SetState(table, values, values.TryGetValue(StateCode, out var s) ? s as OptionSetValue : null, values.TryGetValue(StatusCode, out var st) ? st as OptionSetValue : null);
        }

        ComputeFullName(table, values);
        foreach (var column in table.Columns.Where(c => c.RequiredLevel == RequiredLevel.SystemRequired && !c.IsPrimaryId))
        {
            if (!values.TryGetValue(column.LogicalName, out var value) || value is null)
            {
                throw Fault.InvalidArgument($"Attribute '{column.LogicalName}' of entity '{table.LogicalName}' cannot be NULL.");
            }
        }

        var candidate = new Row(table.LogicalName, id, 0, values);
        Demand(caller, PrivilegeType.Create, table.LogicalName, candidate, (values.GetValueOrDefault(OwnerId) as EntityReference)?.Id);
        DemandAppend(caller, table, target, candidate);
        CheckKeys(table, candidate);
        return Store.Insert(table.LogicalName, id, values);
    }

    public Row Update(CallerContext caller, Entity target, ConcurrencyBehavior behavior)
    {
        var table = Metadata.Table(target.LogicalName);
        var id = Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        var existing = Store.Find(table.LogicalName, id) ?? throw Fault.DoesNotExist(table.LogicalName, id);
        CheckVersion(behavior, target.RowVersion, existing);
        Demand(caller, PrivilegeType.Write, table.LogicalName, existing);
        DemandAppend(caller, table, target, existing);
        var values = existing.MutableCopy();
        foreach (var pair in target.Attributes)
        {
            if (pair.Key == table.PrimaryIdAttribute)
            {
                continue;
            }

            Apply(caller, table, values, pair.Key, pair.Value);
        }

        if (table.IsUserOwned && target.Attributes.TryGetValue(OwnerId, out var newOwner) && newOwner is EntityReference owner
            && !owner.Equals(existing[OwnerId]))
        {
            Demand(caller, PrivilegeType.Assign, table.LogicalName, existing, owner.Id);
            SetOwner(values, owner);
        }

        if (table.HasState && (target.Attributes.ContainsKey(StateCode) || target.Attributes.ContainsKey(StatusCode)))
        {
            var state = target.Attributes.ContainsKey(StateCode) ? values[StateCode] as OptionSetValue : null;
            var status = target.Attributes.ContainsKey(StatusCode) ? values[StatusCode] as OptionSetValue : null;
            SetState(table, values, state ?? existing[StateCode] as OptionSetValue, status);
        }

        ComputeFullName(table, values);
        values[ModifiedOn] = _org.Clock.UtcNow;
        values[ModifiedBy] = new EntityReference("systemuser", caller.UserId);
        values[VersionNumber] = Store.NextVersion();
        var candidate = new Row(table.LogicalName, id, existing.Sequence, values);
        CheckKeys(table, candidate);
        return Store.Replace(existing, values);
    }

    public void Delete(CallerContext caller, string tableName, Guid id, ConcurrencyBehavior behavior, string? rowVersion)
    {
        var table = Metadata.Table(tableName);
        var existing = Store.Find(table.LogicalName, id) ?? throw Fault.DoesNotExist(table.LogicalName, id);
        CheckVersion(behavior, rowVersion, existing);
        Demand(caller, PrivilegeType.Delete, table.LogicalName, existing);
        Cascade(caller, table, existing);
        Store.Remove(existing);
    }

    /// <summary>The row as an Entity with the requested columns (the primary id always), lookups named, choices labelled.</summary>
    public Entity ToEntity(TableMetadata table, Row row, ColumnSet? columns)
    {
        var entity = new Entity(table.LogicalName, row.Id);
        if (columns is null || columns.AllColumns)
        {
            foreach (var pair in row.Values)
            {
                AddValue(table, entity, pair.Key, pair.Value);
            }
        }
        else
        {
            foreach (var column in columns.Columns)
            {
                AddValue(table, entity, column, row[column]);
            }

            AddValue(table, entity, table.PrimaryIdAttribute, row.Id);
        }

        entity.RowVersion = Convert.ToString(row[VersionNumber], CultureInfo.InvariantCulture);
        return entity;
    }

    public void CheckColumns(TableMetadata table, ColumnSet? columns)
    {
        if (columns is null || columns.AllColumns)
        {
            return;
        }

        foreach (var column in columns.Columns)
        {
            if (!table.HasColumn(column))
            {
                throw Fault.NoAttribute(table.LogicalName, column);
            }
        }
    }

    /// <summary>Writes a value as a user would see it set (used by Assign and SetState, which change system columns).</summary>
    public Row UpdateSystem(CallerContext caller, Row existing, Action<Dictionary<string, object?>> change)
    {
        var table = Metadata.Table(existing.Table);
        var values = existing.MutableCopy();
        change(values);
        values[ModifiedOn] = _org.Clock.UtcNow;
        values[ModifiedBy] = new EntityReference("systemuser", caller.UserId);
        values[VersionNumber] = Store.NextVersion();
        CheckKeys(table, new Row(existing.Table, existing.Id, existing.Sequence, values));
        return Store.Replace(existing, values);
    }

    public void SetOwner(Dictionary<string, object?> values, EntityReference owner)
    {
        var ownerRow = Store.Find(owner.LogicalName, owner.Id) ?? throw Fault.DoesNotExist(owner.LogicalName, owner.Id);
        values[OwnerId] = new EntityReference(owner.LogicalName, owner.Id);
        values[OwningUser] = owner.LogicalName == "systemuser" ? new EntityReference("systemuser", owner.Id) : null;
        values[OwningTeam] = owner.LogicalName == "team" ? new EntityReference("team", owner.Id) : null;
        values[OwningBusinessUnit] = ownerRow["businessunitid"] is EntityReference unit
            ? new EntityReference("businessunit", unit.Id)
            : new EntityReference("businessunit", _org.RootBusinessUnitId);
    }

    public void SetState(TableMetadata table, Dictionary<string, object?> values, OptionSetValue? state, OptionSetValue? status)
    {
        var stateDefinition = state is null ? table.DefaultState! : table.State(state.Value)
            ?? throw Fault.OutOfRange(table.LogicalName, StateCode, state.Value, string.Join(",", table.Definition.States.Select(s => s.Value)));
        var statusValue = status is null || status.Value == -1 ? stateDefinition.Statuses[0].Value : status.Value;
        if (!stateDefinition.Statuses.Any(s => s.Value == statusValue))
        {
            throw Fault.Create(ErrorCodes.InvalidStateTransition,
                $"{statusValue} is not a valid status code for state code {table.LogicalName}State.{stateDefinition.Label} on {table.LogicalName}.");
        }

        values[StateCode] = new OptionSetValue(stateDefinition.Value);
        values[StatusCode] = new OptionSetValue(statusValue);
    }

    private void Apply(CallerContext caller, TableMetadata table, Dictionary<string, object?> values, string name, object? value)
    {
        var column = table.Column(name) ?? throw Fault.NoAttribute(table.LogicalName, name);
        if (column.IsSystemManaged && column.Type != ColumnType.Owner)
        {
            return; // The platform owns these (createdon, versionnumber, ...): Dataverse ignores what a caller sends. ownerid stays settable (create for / assign to).
        }

        var stored = ValueValidator.Validate(table, column, value);
        if (stored is EntityReference reference)
        {
            var referenced = Store.Find(reference.LogicalName, reference.Id);
            if (referenced is null)
            {
                if (Metadata.Find(reference.LogicalName) is null)
                {
                    throw Fault.NoEntity(reference.LogicalName);
                }

                throw Fault.DoesNotExist(reference.LogicalName, reference.Id);
            }

            if (column.Type != ColumnType.Owner)
            {
                Demand(caller, PrivilegeType.AppendTo, reference.LogicalName, referenced);
            }
        }

        values[name] = stored;
    }

    // Setting a lookup needs Append on the row that holds it; AppendTo on the row it points to is checked in Apply.
    private void DemandAppend(CallerContext caller, TableMetadata table, Entity target, Row row)
    {
        if (target.Attributes.Any(a => a.Value is EntityReference && table.Column(a.Key) is { Type: ColumnType.Lookup or ColumnType.Customer, IsSystemManaged: false }))
        {
            Demand(caller, PrivilegeType.Append, table.LogicalName, row);
        }
    }

    private void CheckKeys(TableMetadata table, Row row)
    {
        foreach (var key in table.Keys)
        {
            var text = KeyText.Of(key.Columns, c => row[c]);
            if (text is null)
            {
                continue;
            }

            var holder = Store.FindByKey(table.LogicalName, key.LogicalName, text);
            if (holder is { } other && other != row.Id)
            {
                var shown = string.Join(",", key.Columns.Select(c => Display(row[c])));
                throw Fault.DuplicateAlternateKey(key.LogicalName, shown);
            }
        }
    }

    private static void CheckVersion(ConcurrencyBehavior behavior, string? rowVersion, Row existing)
    {
        if (behavior != ConcurrencyBehavior.IfRowVersionMatches)
        {
            return;
        }

        if (string.IsNullOrEmpty(rowVersion))
        {
            throw Fault.VersionNotProvided();
        }

        if (rowVersion != Convert.ToString(existing[VersionNumber], CultureInfo.InvariantCulture))
        {
            throw Fault.VersionMismatch();
        }
    }

    private void Cascade(CallerContext caller, TableMetadata table, Row deleted)
    {
        foreach (var relationship in Metadata.OneToMany.Where(r => r.ReferencedEntity == table.LogicalName).ToList())
        {
            var referencing = Store.Rows(relationship.ReferencingEntity)
                .Where(r => r.Id != deleted.Id && r[relationship.ReferencingAttribute] is EntityReference reference && reference.Id == deleted.Id)
                .ToList();
            foreach (var row in referencing)
            {
                switch (relationship.OnDelete)
                {
                    case CascadeDelete.Restrict:
                        throw Fault.Create(ErrorCodes.CannotDeleteDueToAssociation,
                            $"The object you tried to delete is associated with another object and cannot be deleted. ({relationship.SchemaName})");
                    case CascadeDelete.Cascade:
                        if (Store.Find(row.Table, row.Id) is { } still)
                        {
                            Cascade(caller, Metadata.Table(row.Table), still);
                            Store.Remove(still);
                        }

                        break;
                    default:
                        if (Store.Find(row.Table, row.Id) is { } current)
                        {
                            var values = current.MutableCopy();
                            values[relationship.ReferencingAttribute] = null;
                            Store.Replace(current, values);
                        }

                        break;
                }
            }
        }

        foreach (var relationship in Metadata.ManyToManyOf(table.LogicalName).ToList())
        {
            var intersect = Metadata.Table(relationship.IntersectEntity);
            var column = table.PrimaryIdAttribute;
            foreach (var row in Store.Rows(intersect.LogicalName).Where(r => r[column] is Guid g && g == deleted.Id).ToList())
            {
                Store.Remove(row);
            }
        }
    }

    private static void ComputeFullName(TableMetadata table, Dictionary<string, object?> values)
    {
        if (table.LogicalName is not ("contact" or "systemuser" or "lead"))
        {
            return;
        }

        var first = values.GetValueOrDefault("firstname") as string;
        var last = values.GetValueOrDefault("lastname") as string;
        if (first is not null || last is not null)
        {
            values["fullname"] = $"{first} {last}".Trim();
        }
    }

    private void AddValue(TableMetadata table, Entity entity, string name, object? value)
    {
        if (value is null)
        {
            return;
        }

        var copy = ValueValidator.Copy(value);
        if (copy is EntityReference reference && Metadata.Find(reference.LogicalName) is { } target
            && Store.Find(reference.LogicalName, reference.Id) is { } referenced)
        {
            reference.Name = referenced[target.PrimaryNameAttribute] as string;
        }

        entity.Attributes[name] = copy;
        var column = table.Column(name);
        var label = column?.OptionSet is { } set && value is OptionSetValue option
            ? set.Options.FirstOrDefault(o => o.Value == option.Value)?.Label
            : value is bool flag ? column?.OptionSet?.Options.FirstOrDefault(o => o.Value == (flag ? 1 : 0))?.Label ?? (flag ? "Yes" : "No") : null;
        if (label is not null)
        {
            entity.FormattedValues[name] = label;
        }
    }

    private static string Display(object? value) => value switch
    {
        EntityReference r => r.Id.ToString("D"),
        OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
        Money m => m.Value.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string KeysText(KeyAttributeCollection keys) =>
        string.Join(",", keys.Select(k => $"{k.Key}:{Display(k.Value)}"));
}
