using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData.Edm;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.WebApi.OData;

/// <summary>
/// The emulator's metadata as the EDM model Dataverse publishes at $metadata (namespace Microsoft.Dynamics.CRM,
/// container System; learn.microsoft.com/power-apps/developer/data-platform/webapi/web-api-types-operations):
/// every table an entity type deriving from the abstract crmbaseentity, keyed by its primary id; a lookup is the
/// lookup property _x_value (Edm.Guid) plus a single-valued navigation property (x, or x_&lt;table&gt; when it has
/// several targets); each 1:N relationship a collection-valued navigation property named by its schema name on the
/// referenced table; Custom APIs as actions and functions; the query functions of the Microsoft.Dynamics.CRM
/// namespace (LastXDays, Under, In, Between, On, ...) as Boolean functions the $filter parser can bind.
/// </summary>
internal static class EdmModelFactory
{
    public const string Namespace = "Microsoft.Dynamics.CRM";

    public static WebApiModel Build(MetadataCatalog metadata, IEnumerable<CustomApiDefinition> customApis)
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "System");
        model.AddElement(container);
        var baseType = new EdmEntityType(Namespace, "crmbaseentity", null, isAbstract: true, isOpen: false);
        model.AddElement(baseType);

        var tables = metadata.Tables.Where(t => t.Definition.SetName.Length > 0).ToList();
        var types = new Dictionary<string, EdmEntityType>(StringComparer.Ordinal);
        var sets = new Dictionary<string, EdmEntitySet>(StringComparer.Ordinal);
        var navigations = new Dictionary<IEdmNavigationProperty, NavigationInfo>();
        var tablesByType = new Dictionary<IEdmEntityType, TableMetadata>();
        foreach (var table in tables)
        {
            var type = new EdmEntityType(Namespace, table.LogicalName, baseType);
            foreach (var column in table.Columns.OrderBy(c => c.LogicalName, StringComparer.Ordinal))
            {
                var property = type.AddStructuralProperty(PropertyName(column), PrimitiveOf(column), isNullable: !column.IsPrimaryId);
                if (column.IsPrimaryId)
                {
                    type.AddKeys(property);
                }
            }

            model.AddElement(type);
            types[table.LogicalName] = type;
            tablesByType[type] = table;
        }

        foreach (var table in tables)
        {
            sets[table.LogicalName] = container.AddEntitySet(table.Definition.SetName, types[table.LogicalName]);
        }

        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(IsLookup).OrderBy(c => c.LogicalName, StringComparer.Ordinal))
            {
                var targets = column.Targets.Where(types.ContainsKey).ToList();
                foreach (var target in targets)
                {
                    var name = targets.Count == 1 ? column.LogicalName : $"{column.LogicalName}_{target}";
                    var navigation = types[table.LogicalName].AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
                    {
                        Name = name, Target = types[target], TargetMultiplicity = EdmMultiplicity.ZeroOrOne,
                    });
                    sets[table.LogicalName].AddNavigationTarget(navigation, sets[target]);
                    navigations[navigation] = new NavigationInfo(table, metadata.Find(target)!, column.LogicalName, IsCollection: false);
                }
            }
        }

        foreach (var relationship in metadata.OneToMany.OrderBy(r => r.SchemaName, StringComparer.Ordinal))
        {
            if (!types.TryGetValue(relationship.ReferencedEntity, out var referenced) || !types.TryGetValue(relationship.ReferencingEntity, out var referencing)
                || referenced.FindProperty(relationship.SchemaName) is not null)
            {
                continue;
            }

            var navigation = referenced.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
            {
                Name = relationship.SchemaName, Target = referencing, TargetMultiplicity = EdmMultiplicity.Many,
            });
            sets[relationship.ReferencedEntity].AddNavigationTarget(navigation, sets[relationship.ReferencingEntity]);
            navigations[navigation] = new NavigationInfo(metadata.Find(relationship.ReferencedEntity)!, metadata.Find(relationship.ReferencingEntity)!, relationship.ReferencingAttribute, IsCollection: true);
        }

        QueryFunctions.AddTo(model, baseType);
        AddWhoAmI(model, container);
        foreach (var api in customApis)
        {
            AddCustomApi(model, container, api, types);
        }

        return new WebApiModel(model, tablesByType, types, sets, navigations);
    }

    /// <summary>The Web API name of a column: _x_value for a lookup, else its logical name.</summary>
    public static string PropertyName(ColumnDefinition column) => IsLookup(column) ? $"_{column.LogicalName}_value" : column.LogicalName;

    public static bool IsLookup(ColumnDefinition column) => column.Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    private static EdmPrimitiveTypeKind PrimitiveOf(ColumnDefinition column) => column.Type switch
    {
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => EdmPrimitiveTypeKind.Int32,
        ColumnType.BigInt => EdmPrimitiveTypeKind.Int64,
        ColumnType.Decimal or ColumnType.Money => EdmPrimitiveTypeKind.Decimal,
        ColumnType.Double => EdmPrimitiveTypeKind.Double,
        ColumnType.Boolean => EdmPrimitiveTypeKind.Boolean,
        ColumnType.DateTime when column.DateOnly => EdmPrimitiveTypeKind.Date,
        ColumnType.DateTime => EdmPrimitiveTypeKind.DateTimeOffset,
        ColumnType.Uniqueidentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => EdmPrimitiveTypeKind.Guid,
        _ => EdmPrimitiveTypeKind.String,
    };

    private static void AddWhoAmI(EdmModel model, EdmEntityContainer container)
    {
        var response = new EdmComplexType(Namespace, "WhoAmIResponse");
        response.AddStructuralProperty("BusinessUnitId", EdmPrimitiveTypeKind.Guid, false);
        response.AddStructuralProperty("UserId", EdmPrimitiveTypeKind.Guid, false);
        response.AddStructuralProperty("OrganizationId", EdmPrimitiveTypeKind.Guid, false);
        model.AddElement(response);
        var function = new EdmFunction(Namespace, "WhoAmI", new EdmComplexTypeReference(response, false), isBound: false, entitySetPathExpression: null, isComposable: false);
        model.AddElement(function);
        container.AddFunctionImport("WhoAmI", function);
    }

    private static void AddCustomApi(EdmModel model, EdmEntityContainer container, CustomApiDefinition api, Dictionary<string, EdmEntityType> types)
    {
        IEdmTypeReference? returns = null;
        if (api.ResponseProperties.Count > 0)
        {
            var response = new EdmComplexType(Namespace, api.UniqueName + "Response");
            foreach (var property in api.ResponseProperties)
            {
                response.AddStructuralProperty(property.UniqueName, TypeOf(property, types));
            }

            model.AddElement(response);
            returns = new EdmComplexTypeReference(response, true);
        }

        var bound = api.Binding == CustomApiBinding.Entity && api.BoundEntity is { } entity && types.ContainsKey(entity);
        EdmOperation operation = api.IsFunction
            ? new EdmFunction(Namespace, api.UniqueName, returns ?? EdmCoreModel.Instance.GetBoolean(false), bound, null, isComposable: false)
            : new EdmAction(Namespace, api.UniqueName, returns, bound, null);
        if (bound)
        {
            operation.AddParameter("entity", new EdmEntityTypeReference(types[api.BoundEntity!], false));
        }

        foreach (var parameter in api.RequestParameters)
        {
            if (parameter.IsOptional)
            {
                operation.AddOptionalParameter(parameter.UniqueName, TypeOf(parameter, types));
            }
            else
            {
                operation.AddParameter(parameter.UniqueName, TypeOf(parameter, types));
            }
        }

        model.AddElement(operation);
        if (!bound && operation is EdmFunction function)
        {
            container.AddFunctionImport(api.UniqueName, function);
        }
        else if (!bound && operation is EdmAction action)
        {
            container.AddActionImport(api.UniqueName, action);
        }
    }

    private static IEdmTypeReference TypeOf(CustomApiFieldDefinition field, Dictionary<string, EdmEntityType> types)
    {
        var core = EdmCoreModel.Instance;
        IEdmEntityType? EntityType() => field.LogicalEntityName is { } name && types.TryGetValue(name, out var t) ? t : null;
        return field.Type switch
        {
            CustomApiFieldType.Boolean => core.GetBoolean(true),
            CustomApiFieldType.DateTime => core.GetDateTimeOffset(true),
            CustomApiFieldType.Decimal or CustomApiFieldType.Money => core.GetDecimal(true),
            CustomApiFieldType.Float => core.GetDouble(true),
            CustomApiFieldType.Integer or CustomApiFieldType.Picklist => core.GetInt32(true),
            CustomApiFieldType.Guid => core.GetGuid(true),
            CustomApiFieldType.StringArray => new EdmCollectionTypeReference(new EdmCollectionType(core.GetString(true))),
            CustomApiFieldType.Entity or CustomApiFieldType.EntityReference when EntityType() is { } type => new EdmEntityTypeReference(type, true),
            CustomApiFieldType.EntityCollection when EntityType() is { } type => new EdmCollectionTypeReference(new EdmCollectionType(new EdmEntityTypeReference(type, true))),
            CustomApiFieldType.Entity or CustomApiFieldType.EntityReference => new EdmUntypedStructuredTypeReference(EdmUntypedStructuredType.Instance),
            CustomApiFieldType.EntityCollection => new EdmCollectionTypeReference(new EdmCollectionType(new EdmUntypedStructuredTypeReference(EdmUntypedStructuredType.Instance))),
            _ => core.GetString(true),
        };
    }
}

/// <summary>What a navigation property joins: from the table, to the target, over the lookup column (on the source
/// table for single-valued, on the target for collection-valued).</summary>
internal sealed record NavigationInfo(TableMetadata From, TableMetadata Target, string Lookup, bool IsCollection);

/// <summary>The EDM model with the maps back to the emulator's tables.</summary>
internal sealed record WebApiModel(
    IEdmModel Model,
    IReadOnlyDictionary<IEdmEntityType, TableMetadata> Tables,
    IReadOnlyDictionary<string, EdmEntityType> Types,
    IReadOnlyDictionary<string, EdmEntitySet> Sets,
    IReadOnlyDictionary<IEdmNavigationProperty, NavigationInfo> Navigations);
