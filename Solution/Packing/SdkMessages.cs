using System;
using System.Collections.Generic;

namespace Rapport.Solution.Packing;

/// <summary>
/// The platform messages a step may be registered on, with their sdkmessage ids. System sdkmessage rows carry the
/// same id in every environment; these are the ids Microsoft Learn prints for the messages of the account table
/// ("Use messages with the Organization service"), and Create/Update also appear in real exports.
/// A message missing here is refused rather than guessed: verify its id with sdkmessages?$filter=name eq '…' first.
/// </summary>
public static class SdkMessages
{
    private static readonly Dictionary<string, Guid> Ids = new(StringComparer.Ordinal)
    {
        ["Assign"] = new("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Delete"] = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["GrantAccess"] = new("c5bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Merge"] = new("dbbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["ModifyAccess"] = new("dcbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Retrieve"] = new("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RetrieveMultiple"] = new("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RetrievePrincipalAccess"] = new("04bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RetrieveSharedPrincipalsAndAccess"] = new("10bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RevokeAccess"] = new("11bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetState"] = new("1cbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetStateDynamicEntity"] = new("1dbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
    };

    public static IEnumerable<string> Names => Ids.Keys;

    public static bool TryGetId(string message, out Guid id) => Ids.TryGetValue(message, out id);

    public static Guid IdOf(string message) =>
        Ids.TryGetValue(message, out var id) ? id : throw new ArgumentException($"No known sdkmessage id for '{message}'.", nameof(message));

    /// <summary>The message name of a known sdkmessage id (used when reading a zip back).</summary>
    public static string? NameOf(Guid id)
    {
        foreach (var pair in Ids)
        {
            if (pair.Value == id)
            {
                return pair.Key;
            }
        }

        return null;
    }

    /// <summary>
    /// sdkmessageprocessingstepimage.messagepropertyname: the request parameter the image is taken from. Create,
    /// Update, Delete, Assign and Route all name "Target" (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/sdkmessageprocessingstepimage).
    /// </summary>
    public static string? ImagePropertyName(string message) => message switch
    {
        "Create" or "Update" or "Route" or "Delete" or "Assign" or "Merge" or "GrantAccess" or "ModifyAccess" or "RevokeAccess" => "Target",
        "SetState" or "SetStateDynamicEntity" => "EntityMoniker",
        _ => null,
    };
}
