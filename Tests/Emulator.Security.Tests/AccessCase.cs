using Rapport.Emulator.Security;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security.Tests;

/// <summary>
/// One row of the matrix: Ann holds Operation on account at Depth (null: not at all), the row belongs to Owner and
/// may be shared with Ann (or with a team she is in); Allowed is Dataverse's outcome.
/// </summary>
public sealed record AccessCase(PrivilegeType Operation, PrivilegeDepth? Depth, RowOwner Owner, bool Allowed,
    AccessRights Shared = AccessRights.None, bool SharedWithTeam = false)
{
    public string Name
    {
        get
        {
            var depth = Depth is { } d ? $"with_{d}_{Operation}" : $"without_{Operation}_privilege";
            var share = Shared == AccessRights.None ? "" : $"_shared_{Shared}_with_{(SharedWithTeam ? "her_team" : "Ann")}";
            return $"{Operation}_{depth}_on_row_of_{Owner}{share}_is_{(Allowed ? "allowed" : "denied")}";
        }
    }

    public override string ToString() => Name;
}
