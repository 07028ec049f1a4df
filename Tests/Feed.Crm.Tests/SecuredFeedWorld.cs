using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator;
using Rapport.Emulator.Security;
using Rapport.Plugins.Feed;
using Rapport.Solution.Declarations;
using Rapport.Solution.Declarations.Security;
using Rapport.Solution.Model;

namespace Rapport.Feed.Crm.Tests;

/// <summary>The people of the access matrix, as the feed sees them.</summary>
public enum Person
{
    /// <summary>Ada (Fundraising): wrote the post, owns the contact it is about.</summary>
    Author,

    /// <summary>Bea (Fundraising): reads the contact (Local depth), wrote none of it.</summary>
    Colleague,

    /// <summary>Cy (Major Gifts): cannot read the contact.</summary>
    Outsider,

    /// <summary>Mo (Fundraising, System Administrator): moderates.</summary>
    Moderator,

    /// <summary>Ra (Fundraising, Rapport Administrator): may repair any column.</summary>
    RapportAdmin,
}

/// <summary>
/// An organization with Rapport's own roles and Dataverse's record security switched on (no test policy): a CRM role
/// like a fundraiser's (contacts in the business unit; users readable org-wide) plus Rapport User for everyone. Ada
/// owns "Board member" and posts about it (mentioning Bea and Cy, #pledge), edits the post once; Bea comments and likes.
/// </summary>
public sealed class SecuredFeedWorld
{
    public const string Secret = "CONFIDENTIAL: board member pledge 250k";
    public const string Fundraiser = "Fundraiser";

    public SecuredFeedWorld()
    {
        var solution = RapportSolution.Build("1.0.0.0");
        Env = new DataverseEmulator(solution);
        Env.RegisterPlugins(typeof(PostCreatePlugin).Assembly);
        Env.Security.LoadRoles(solution.Roles);
        Env.Security.CreateRole(Fundraiser, FundraiserPrivileges().ToArray());
        var fundraising = Env.Security.CreateBusinessUnit("Fundraising");
        MajorGifts = Env.Security.CreateBusinessUnit("Major Gifts");
        Users[Person.Author] = Env.Security.CreateUser("Ada Lovelace", fundraising, Fundraiser, RapportRoles.User);
        Users[Person.Colleague] = Env.Security.CreateUser("Bea Colleague", fundraising, Fundraiser, RapportRoles.User);
        Users[Person.Outsider] = Env.Security.CreateUser("Cy Outsider", MajorGifts, Fundraiser, RapportRoles.User);
        Users[Person.Moderator] = Env.Security.CreateUser("Mo Moderator", fundraising, Fundraiser, RapportRoles.User, EmulatorSecurity.SystemAdministrator);
        Users[Person.RapportAdmin] = Env.Security.CreateUser("Ra Admin", fundraising, Fundraiser, RapportRoles.User, RapportRoles.Administrator);

        Board = As(Person.Author).Create(new Entity("contact") { ["lastname"] = "Board member" });
        Post = As(Person.Author).Create(new Entity("rapport_post")
        {
            ["rapport_regardingtable"] = "contact",
            ["rapport_regardingid"] = Board.ToString("D"),
            ["rapport_text"] = "Draft " + Mentions,
        });
        As(Person.Author).Update(new Entity("rapport_post", Post) { ["rapport_text"] = Secret + " " + Mentions });
        Comment = As(Person.Colleague).Create(new Entity("rapport_comment")
        {
            ["rapport_postid"] = new EntityReference("rapport_post", Post),
            ["rapport_text"] = "Great news about the pledge",
        });
        Call(Person.Colleague, "rapport_SetLike", ("PostId", Post.ToString("D")), ("Liked", true));
    }

    public DataverseEmulator Env { get; }

    /// <summary>Bea (can read the contact) and Cy (cannot) are mentioned; the post carries #pledge.</summary>
    public string Mentions => $"@[systemuser,{Id(Person.Colleague):D},\"Bea Colleague\"] @[systemuser,{Id(Person.Outsider):D},\"Cy Outsider\"] #pledge";

    public Dictionary<Person, Guid> Users { get; } = new();

    public Guid MajorGifts { get; }

    public Guid Board { get; }

    public Guid Post { get; }

    public Guid Comment { get; }

    public Guid Id(Person person) => Users[person];

    public IOrganizationService As(Person person) => Env.Security.AsUser(Users[person]);

    /// <summary>One row id of each feed content table (the post's comment, like, mention, revision, topic).</summary>
    public Guid RowOf(string table) => table switch
    {
        "rapport_post" => Post,
        "rapport_comment" => Comment,
        _ => Env.SystemService.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(false), TopCount = 1 }).Entities.First().Id,
    };

    public OrganizationResponse Call(Person person, string api, params (string Name, object Value)[] parameters)
    {
        var request = new OrganizationRequest(api);
        foreach (var (name, value) in parameters)
        {
            request[name] = value;
        }

        return As(person).Execute(request);
    }

    /// <summary>Items of one feed page as JSON text (what a reader would see).</summary>
    public string RecordFeed(Person person, Guid record) =>
        Call(person, "rapport_GetFeed", ("Scope", "record"), ("RecordTable", "contact"), ("RecordId", record.ToString("D")))["Items"] as string ?? string.Empty;

    public List<Entity> Rows(string table) =>
        Env.SystemService.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities.ToList();

    /// <summary>The call is refused (a fault whose message contains <paramref name="expected"/>) and wrote nothing.</summary>
    public string Refused(Action call, string expected) => FeedWorld.Refused(Env, call, expected);

    private static IEnumerable<(string, PrivilegeType, PrivilegeDepth)> FundraiserPrivileges()
    {
        foreach (var privilege in new[] { PrivilegeType.Create, PrivilegeType.Read, PrivilegeType.Write, PrivilegeType.Delete, PrivilegeType.Append, PrivilegeType.AppendTo, PrivilegeType.Assign, PrivilegeType.Share })
        {
            yield return ("contact", privilege, privilege is PrivilegeType.Create or PrivilegeType.Delete or PrivilegeType.Assign or PrivilegeType.Share ? PrivilegeDepth.Basic : PrivilegeDepth.Local);
        }

        foreach (var table in new[] { "systemuser", "team", "businessunit", "role" })
        {
            yield return (table, PrivilegeType.Read, PrivilegeDepth.Global);
            yield return (table, PrivilegeType.AppendTo, PrivilegeDepth.Global); // as Dataverse's Basic User: lookups to people
        }
    }
}
