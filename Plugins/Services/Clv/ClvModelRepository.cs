using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Crm;

namespace Rapport.Plugins.Services.Clv;

/// <summary>Reads CLV model rows: the active models in one query, and a row as a <see cref="ClvModelSpec"/>.</summary>
public static class ClvModelRepository
{
    private static readonly string[] Columns =
    {
        ClvSchema.ModelColumns.Name, ClvSchema.ModelColumns.Kind, ClvSchema.ModelColumns.Parameters, ClvSchema.ModelColumns.FittedOn,
    };

    /// <summary>The active model of every kind: one RetrieveMultiple.</summary>
    public static List<ClvModelSpec> ActiveModels(IOrganizationService service)
    {
        var query = new QueryExpression(ClvSchema.Model) { ColumnSet = new ColumnSet(Columns), NoLock = true };
        query.Criteria.AddCondition(ClvSchema.ModelColumns.Status, ConditionOperator.Equal, ClvSchema.ModelStatusActive);
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        query.AddOrder(ClvSchema.ModelColumns.FittedOn, OrderType.Descending);
        var models = new List<ClvModelSpec>();
        var kinds = new HashSet<string>();
        foreach (var row in service.RetrieveMultiple(query).Entities)
        {
            var spec = Read(row);
            if (kinds.Add(spec.Kind))
            {
                models.Add(spec);
            }
        }

        return models;
    }

    /// <summary>A model row as a spec; a broken row is refused with a message naming it and the column.</summary>
    public static ClvModelSpec Read(Entity row)
    {
        var where = $"CLV model '{row.GetAttributeValue<string>(ClvSchema.ModelColumns.Name)}' ({row.Id})";
        var kind = row.GetAttributeValue<OptionSetValue>(ClvSchema.ModelColumns.Kind)
            ?? throw new InvalidPluginExecutionException($"{where} has no model kind (rapport_kind).");
        try
        {
            return ClvModelSpec.Parse(ClvSchema.KindName(kind.Value), row.GetAttributeValue<string>(ClvSchema.ModelColumns.Parameters), where) with
            {
                Id = row.Id,
                FittedOn = row.GetAttributeValue<System.DateTime?>(ClvSchema.ModelColumns.FittedOn),
            };
        }
        catch (ClvInputException error)
        {
            throw new InvalidPluginExecutionException(error.Message);
        }
        catch (System.ArgumentOutOfRangeException)
        {
            throw new InvalidPluginExecutionException($"{where}: model kind value {kind.Value} (rapport_kind) is not a Rapport model kind.");
        }
    }
}
