using System.Collections.Generic;
using Rapport.Emulator.Handlers.Security;

namespace Rapport.Emulator.Handlers;

/// <summary>The built-in messages, one handler each.</summary>
internal static class HandlerCatalog
{
    public static IEnumerable<IMessageHandler> All() =>
    [
        new CreateHandler(),
        new RetrieveHandler(),
        new UpdateHandler(),
        new DeleteHandler(),
        new RetrieveMultipleHandler(),
        new AssociateHandler(),
        new DisassociateHandler(),
        new UpsertHandler(),
        new ExecuteMultipleHandler(),
        new ExecuteTransactionHandler(),
        new CreateMultipleHandler(),
        new UpdateMultipleHandler(),
        new WhoAmIHandler(),
        new RetrieveEntityHandler(),
        new SetStateHandler(),
        new AssignHandler(),
        new MergeHandler(),
        new GrantAccessHandler(),
        new ModifyAccessHandler(),
        new RevokeAccessHandler(),
        new RetrievePrincipalAccessHandler(),
    ];
}
