using System.Collections.Generic;

namespace Rapport.Solution.Model;

/// <summary>Custom API parameter and response property types, with Dataverse's type codes.</summary>
public enum CustomApiFieldType
{
    Boolean = 0,
    DateTime = 1,
    Decimal = 2,
    Entity = 3,
    EntityCollection = 4,
    EntityReference = 5,
    Float = 6,
    Integer = 7,
    Money = 8,
    Picklist = 9,
    String = 10,
    StringArray = 11,
    Guid = 12,
}

/// <summary>customapi.bindingtype.</summary>
public enum CustomApiBinding
{
    Global = 0,
    Entity = 1,
    EntityCollection = 2,
}

/// <summary>A request parameter (IsOptional) or a response property of a Custom API.</summary>
public sealed record CustomApiFieldDefinition(string UniqueName, string DisplayName, CustomApiFieldType Type)
{
    public string Description { get; init; } = "";
    public bool IsOptional { get; init; }

    /// <summary>Table for Entity, EntityReference and EntityCollection types, when fixed.</summary>
    public string? LogicalEntityName { get; init; }
}

/// <summary>
/// A Custom API. PluginType is the full name of the class that implements it (main operation, stage 30).
/// </summary>
public sealed record CustomApiDefinition(string UniqueName, string DisplayName, string PluginType)
{
    public string Description { get; init; } = "";
    public bool IsFunction { get; init; }
    public bool IsPrivate { get; init; }
    public CustomApiBinding Binding { get; init; } = CustomApiBinding.Global;
    public string? BoundEntity { get; init; }

    /// <summary>0 None, 1 Async only, 2 Sync and async.</summary>
    public int AllowedCustomProcessingStepType { get; init; } = 2;
    public IReadOnlyList<CustomApiFieldDefinition> RequestParameters { get; init; } = [];
    public IReadOnlyList<CustomApiFieldDefinition> ResponseProperties { get; init; } = [];
}
