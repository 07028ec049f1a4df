using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Rapport.Emulator.Handlers;

/// <summary>The typed response class of each message (the real service deserializes into these).</summary>
internal static class Responses
{
    public static OrganizationResponse For(string message) => message switch
    {
        "Create" => new CreateResponse(),
        "Retrieve" => new RetrieveResponse(),
        "Update" => new UpdateResponse(),
        "Delete" => new DeleteResponse(),
        "RetrieveMultiple" => new RetrieveMultipleResponse(),
        "Associate" => new AssociateResponse(),
        "Disassociate" => new DisassociateResponse(),
        "Upsert" => new UpsertResponse(),
        "ExecuteMultiple" => new ExecuteMultipleResponse(),
        "ExecuteTransaction" => new ExecuteTransactionResponse(),
        "CreateMultiple" => new CreateMultipleResponse(),
        "UpdateMultiple" => new UpdateMultipleResponse(),
        "RetrieveEntity" => new RetrieveEntityResponse(),
        _ => new OrganizationResponse(),
    };
}
