using System.Collections.Generic;

namespace Rapport.Solution.Model;

/// <summary>The eight table privileges of Dataverse's security model.</summary>
public enum PrivilegeType
{
    Create,
    Read,
    Write,
    Delete,
    Append,
    AppendTo,
    Assign,
    Share,
}

/// <summary>Privilege depth: User (Basic), Business Unit (Local), Parent:Child (Deep), Organization (Global).</summary>
public enum PrivilegeDepth
{
    Basic = 1,
    Local = 2,
    Deep = 4,
    Global = 8,
}

/// <summary>One privilege on one table at one depth, e.g. prvReadrapport_post at Global.</summary>
public sealed record RolePrivilegeDefinition(string Table, PrivilegeType Privilege, PrivilegeDepth Depth)
{
    /// <summary>The platform's privilege name (prvCreate..., prvAppendTo...).</summary>
    public string Name => "prv" + Privilege + Table;
}

/// <summary>A security role shipped in the solution. Id is stable across builds.</summary>
public sealed record RoleDefinition(string Name, string Description, IReadOnlyList<RolePrivilegeDefinition> Privileges);
