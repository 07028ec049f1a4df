using System.Collections.Generic;
using System.Linq;

namespace Rapport.Solution.Model;

/// <summary>
/// The standard Dataverse tables Rapport and code written for Dataverse commonly touch (account, contact, lead,
/// opportunity, incident, systemuser, team, businessunit, activitypointer, task, email, annotation, ...), with the
/// primary keys, primary names, ownership, object type codes and relationship names of Microsoft's table reference
/// (learn.microsoft.com/power-apps/developer/data-platform/reference/entities/{table}; lead and incident:
/// learn.microsoft.com/dynamics365/sales/developer/entities/lead, .../customer-service/develop/reference/entities/incident). The emulator
/// builds its metadata from these (plus the solution's own tables); the packer checks step tables against them.
/// System columns (createdon, ownerid, versionnumber, ...) are added by the emulator for every table.
/// </summary>
public static class StandardTables
{
    private static readonly string[] Customers = ["account", "contact"];

    // What an activity's regardingobjectid can point to among these tables.
    private static readonly string[] Regarding = ["account", "contact", "lead", "opportunity", "incident", "invoice", "salesorder", "campaign"];

    private static readonly IReadOnlyList<TableDefinition> AllTables = Build();

    public static IReadOnlyList<TableDefinition> All => AllTables;

    /// <summary>The platform's N:N relationships between standard tables (intersect tables included in All).</summary>
    public static IReadOnlyList<ManyToManyRelationship> ManyToMany { get; } =
    [
        new("teammembership_association", "team", "systemuser", "teammembership"),
        new("systemuserroles_association", "systemuser", "role", "systemuserroles"),
        new("teamroles_association", "team", "role", "teamroles"),
        new("accountleads_association", "account", "lead", "accountleads"),
        new("contactleads_association", "contact", "lead", "contactleads"),
    ];

    /// <summary>The platform's 1:N relationships between these tables, by their real schema names and delete cascade.</summary>
    public static IReadOnlyList<OneToManyRelationship> OneToMany { get; } =
    [
        new("account_parent_account", "account", "account", "parentaccountid", CascadeDelete.RemoveLink),
        new("contact_customer_accounts", "account", "contact", "parentcustomerid", CascadeDelete.Cascade),
        new("contact_customer_contacts", "contact", "contact", "parentcustomerid", CascadeDelete.Cascade),
        new("account_primary_contact", "contact", "account", "primarycontactid", CascadeDelete.RemoveLink),
        new("incident_customer_accounts", "account", "incident", "customerid", CascadeDelete.Cascade),
        new("incident_customer_contacts", "contact", "incident", "customerid", CascadeDelete.Cascade),
        new("Account_Annotation", "account", "annotation", "objectid", CascadeDelete.Cascade),
        new("Contact_Annotation", "contact", "annotation", "objectid", CascadeDelete.Cascade),
        new("Lead_Annotation", "lead", "annotation", "objectid", CascadeDelete.Cascade),
        new("Incident_Annotation", "incident", "annotation", "objectid", CascadeDelete.Cascade),
        new("Task_Annotation", "task", "annotation", "objectid", CascadeDelete.Cascade),
        new("Email_Annotation", "email", "annotation", "objectid", CascadeDelete.Cascade),
        new("Account_Tasks", "account", "task", "regardingobjectid", CascadeDelete.Cascade),
        new("Contact_Tasks", "contact", "task", "regardingobjectid", CascadeDelete.Cascade),
    ];

    public static TableDefinition? Find(string logicalName) => AllTables.FirstOrDefault(t => t.LogicalName == logicalName);

    private static StateDefinition[] ActiveInactive() =>
    [
        new(0, "Active", [new(1, "Active")]),
        new(1, "Inactive", [new(2, "Inactive")]),
    ];

    private static IReadOnlyList<TableDefinition> Build() =>
    [
        Table("systemuser", "User", "Users", 8, Ownership.OrganizationOwned, "fullname", [],
            Str("fullname", 200), Str("firstname", 64), Str("lastname", 64), Str("domainname", 1024),
            Str("internalemailaddress", 100), Str("title", 128), Lookup("businessunitid", "businessunit"),
            Lookup("parentsystemuserid", "systemuser"), Bool("isdisabled"), Guid("azureactivedirectoryobjectid"),
            Guid("applicationid"),
            Pick("accessmode", (0, "Read-Write"), (1, "Administrative"), (2, "Read"), (3, "Support User"), (4, "Non-interactive"), (5, "Delegated Admin"))),
        Table("team", "Team", "Teams", 9, Ownership.OrganizationOwned, "name", [],
            Str("name", 160), Lookup("businessunitid", "businessunit"), Lookup("administratorid", "systemuser"),
            Pick("teamtype", (0, "Owner"), (1, "Access"), (2, "Security Group"), (3, "Office Group")),
            Bool("isdefault"), Guid("azureactivedirectoryobjectid"), Memo("description", 2000)),
        Table("businessunit", "Business Unit", "Business Units", 10, Ownership.OrganizationOwned, "name", [],
            Str("name", 160), Lookup("parentbusinessunitid", "businessunit"), Bool("isdisabled"), Str("divisionname", 100)),
        Table("role", "Security Role", "Security Roles", 1036, Ownership.OrganizationOwned, "name", [],
            Str("name", 100), Lookup("businessunitid", "businessunit"), Lookup("parentroleid", "role"), Guid("roletemplateid")),
        Table("contact", "Contact", "Contacts", 2, Ownership.UserOwned, "fullname", ActiveInactive(),
            Str("fullname", 160), Str("firstname", 50), Str("lastname", 50), Str("emailaddress1", 100), Str("telephone1", 50),
            Str("mobilephone", 50), Str("jobtitle", 100), Customer("parentcustomerid"), DateOnly("birthdate"),
            Pick("gendercode", (1, "Male"), (2, "Female")), Str("address1_city", 80), Str("address1_country", 80),
            Money("creditlimit"), Memo("description", 2000), Bool("donotemail", "Do Not Allow", "Allow"), Lookup("transactioncurrencyid", "transactioncurrency")),
        Table("account", "Account", "Accounts", 1, Ownership.UserOwned, "name", ActiveInactive(),
            Str("name", 160), Str("accountnumber", 20), Str("emailaddress1", 100), Str("telephone1", 50), Str("websiteurl", 200),
            Lookup("parentaccountid", "account"), Lookup("primarycontactid", "contact"), Money("revenue"), Int("numberofemployees"),
            Pick("industrycode", (1, "Accounting"), (2, "Agriculture and Non-petrol Natural Resource Extraction"), (3, "Broadcasting Printing and Publishing"), (6, "Consulting")),
            Pick("customertypecode", (1, "Competitor"), (2, "Consultant"), (3, "Customer"), (11, "Prospect"), (12, "Other")),
            Str("address1_city", 80), Str("address1_country", 80), Memo("description", 2000), Money("creditlimit"),
            Lookup("transactioncurrencyid", "transactioncurrency")),
        Table("opportunity", "Opportunity", "Opportunities", 3, Ownership.UserOwned, "name",
            [new(0, "Open", [new(1, "In Progress"), new(2, "On Hold")]), new(1, "Won", [new(3, "Won")]), new(2, "Lost", [new(4, "Canceled"), new(5, "Out-Sold")])],
            Str("name", 300), Customer("customerid"), Lookup("parentaccountid", "account"), Lookup("parentcontactid", "contact"),
            Money("estimatedvalue"), Money("actualvalue"), DateOnly("estimatedclosedate"), DateOnly("actualclosedate"),
            Int("closeprobability"), Memo("description", 2000), Lookup("transactioncurrencyid", "transactioncurrency"),
            Lookup("campaignid", "campaign")),
        Table("invoice", "Invoice", "Invoices", 1090, Ownership.UserOwned, "name",
            [new(0, "Active", [new(1, "New"), new(2, "Partially Shipped"), new(4, "Billed"), new(5, "Booked (applies to services)"), new(6, "Installed (applies to services)")]),
             new(1, "Closed (deprecated)", [new(3, "Canceled (deprecated)"), new(7, "Paid (deprecated)")]),
             new(2, "Paid", [new(100001, "Complete"), new(100002, "Partial")]),
             new(3, "Canceled", [new(100003, "Canceled")])],
            Str("name", 300), Str("invoicenumber", 100), Customer("customerid"), Money("totalamount"), DateTime("datedelivered"),
            DateOnly("duedate"), Lookup("salesorderid", "salesorder"), Lookup("opportunityid", "opportunity"),
            Lookup("transactioncurrencyid", "transactioncurrency"), Memo("description", 2000)),
        Table("salesorder", "Order", "Orders", 1088, Ownership.UserOwned, "name",
            [new(0, "Active", [new(1, "New"), new(2, "Pending")]), new(1, "Submitted", [new(3, "In Progress")]),
             new(2, "Canceled", [new(4, "No Money")]), new(3, "Fulfilled", [new(100001, "Complete"), new(100002, "Partial")]),
             new(4, "Invoiced", [new(100003, "Invoiced")])],
            Str("name", 300), Str("ordernumber", 100), Customer("customerid"), Money("totalamount"), DateTime("datefulfilled"),
            DateTime("submitdate"), Lookup("opportunityid", "opportunity"), Lookup("transactioncurrencyid", "transactioncurrency"),
            Memo("description", 2000)),
        Table("campaign", "Campaign", "Campaigns", 4400, Ownership.UserOwned, "name",
            [new(0, "Active", [new(0, "Proposed"), new(1, "Ready To Launch"), new(2, "Launched"), new(3, "Completed"), new(4, "Canceled"), new(5, "Suspended")]),
             new(1, "Inactive", [new(6, "Inactive")])],
            Str("name", 128), Str("codename", 32), Money("budgetedcost"), Money("totalactualcost"), Money("expectedrevenue"),
            DateOnly("actualstart"), DateOnly("actualend"),
            Pick("typecode", (1, "Advertisement"), (2, "Direct Marketing"), (3, "Event"), (4, "Co-branding"), (5, "Other")),
            Memo("description", 2000), Lookup("transactioncurrencyid", "transactioncurrency")),
        Table("transactioncurrency", "Currency", "Currencies", 9105, Ownership.OrganizationOwned, "currencyname", ActiveInactive(),
            Str("currencyname", 100), Str("isocurrencycode", 5), Str("currencysymbol", 10), Dec("exchangerate", 10), Int("currencyprecision")),
        Table("task", "Task", "Tasks", 4212, Ownership.UserOwned, "subject",
            [new(0, "Open", [new(2, "Not Started"), new(3, "In Progress"), new(4, "Waiting on someone else"), new(7, "Deferred")]),
             new(1, "Completed", [new(5, "Completed")]), new(2, "Canceled", [new(6, "Canceled")])],
            Str("subject", 200), Memo("description", 2000),
            Lookup("regardingobjectid", Regarding),
            DateTime("scheduledend"), DateTime("actualend"), Pick("prioritycode", (0, "Low"), (1, "Normal"), (2, "High")),
            Int("percentcomplete")).WithPrimaryId("activityid"),
        Table("lead", "Lead", "Leads", 4, Ownership.UserOwned, "fullname",
            [new(0, "Open", [new(1, "New"), new(2, "Contacted")]), new(1, "Qualified", [new(3, "Qualified")]),
             new(2, "Disqualified", [new(4, "Lost"), new(5, "Cannot Contact"), new(6, "No Longer Interested"), new(7, "Canceled")])],
            Str("subject", 300), Str("fullname", 160), Str("firstname", 50), Str("lastname", 50), Str("companyname", 100),
            Str("emailaddress1", 100), Str("telephone1", 50), Str("jobtitle", 100), Lookup("parentaccountid", "account"),
            Lookup("parentcontactid", "contact"), Customer("customerid"), Money("estimatedvalue"), Memo("description", 2000),
            Lookup("transactioncurrencyid", "transactioncurrency")),
        Table("incident", "Case", "Cases", 112, Ownership.UserOwned, "title",
            [new(0, "Active", [new(1, "In Progress"), new(2, "On Hold"), new(3, "Waiting for Details"), new(4, "Researching")]),
             new(1, "Resolved", [new(5, "Problem Solved"), new(1000, "Information Provided")]),
             new(2, "Canceled", [new(6, "Canceled"), new(2000, "Merged")])],
            Str("title", 200), Str("ticketnumber", 100), Customer("customerid"), Lookup("primarycontactid", "contact"),
            Memo("description", 2000), Pick("prioritycode", (1, "High"), (2, "Normal"), (3, "Low")),
            Pick("caseorigincode", (1, "Phone"), (2, "Email"), (3, "Web"))),
        Table("activitypointer", "Activity", "Activities", 4200, Ownership.UserOwned, "subject",
            [new(0, "Open", [new(1, "Open")]), new(1, "Completed", [new(2, "Completed")]), new(2, "Canceled", [new(3, "Canceled")]),
             new(3, "Scheduled", [new(4, "Scheduled")])],
            Str("subject", 400), Memo("description", 2000), EntityName("activitytypecode"), Lookup("regardingobjectid", Regarding),
            DateTime("scheduledstart"), DateTime("scheduledend"), DateTime("actualend")).WithPrimaryId("activityid"),
        // https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/email (states and status reasons)
        Table("email", "Email", "Email Messages", 4202, Ownership.UserOwned, "subject",
            [new(0, "Open", [new(1, "Draft"), new(8, "Failed")]),
             new(1, "Completed", [new(2, "Completed"), new(3, "Sent"), new(4, "Received"), new(6, "Pending Send"), new(7, "Sending")]),
             new(2, "Canceled", [new(5, "Canceled")])],
            Str("subject", 800), Memo("description", 1073741823), Lookup("regardingobjectid", Regarding), Bool("directioncode"),
            Str("sender", 250), Str("torecipients", 500), DateTime("scheduledend"), DateTime("actualend"),
            Party("to"), Party("from"), Party("cc")).WithPrimaryId("activityid"),
        Table("annotation", "Note", "Notes", 5, Ownership.UserOwned, "subject", [],
            Str("subject", 500), Memo("notetext", 100000), Lookup("objectid", "account", "contact", "lead", "incident", "opportunity", "task", "email"),
            EntityName("objecttypecode"), Bool("isdocument"), Str("filename", 255), Str("mimetype", 256), Memo("documentbody", 1073741823),
            Int("filesize")),
        Table("appnotification", "Notification", "Notifications", null, Ownership.UserOwned, "title", ActiveInactive(),
            Str("title", 200), Memo("body", 5000), Memo("data", 5000), Int("ttlinseconds"), Bool("isread"),
            Pick("icontype", (100000000, "Info"), (100000001, "Success"), (100000002, "Failure"), (100000003, "Warning"), (100000004, "Mention"), (100000005, "Custom")),
            Pick("toasttype", (200000000, "Timed"), (200000001, "Hidden")),
            Pick("priority", (200000000, "Normal"), (200000001, "High"))),
        Table("sdkmessage", "Sdk Message", "Sdk Messages", 4606, Ownership.OrganizationOwned, "name", [],
            Str("name", 256), Str("categoryname", 25), Bool("isprivate")),
        Table("sdkmessagefilter", "Sdk Message Filter", "Sdk Message Filters", 4607, Ownership.OrganizationOwned, "name", [],
            Str("name", 256), Lookup("sdkmessageid", "sdkmessage"), EntityName("primaryobjecttypecode"),
            EntityName("secondaryobjecttypecode"), Bool("iscustomprocessingstepallowed")),
        Table("sdkmessageprocessingstep", "Sdk Message Processing Step", "Sdk Message Processing Steps", 4608, Ownership.UserOwned, "name",
            [new(0, "Enabled", [new(1, "Enabled")]), new(1, "Disabled", [new(2, "Disabled")])],
            Str("name", 256), Lookup("plugintypeid", "plugintype"), Lookup("sdkmessageid", "sdkmessage"),
            Lookup("sdkmessagefilterid", "sdkmessagefilter"), Lookup("impersonatinguserid", "systemuser"),
            Pick("stage", (5, "Initial Pre-operation (For internal use only)"), (10, "Pre-validation"), (15, "Internal Pre-operation Before External Plugins (For internal use only)"),
                (20, "Pre-operation"), (25, "Internal Pre-operation After External Plugins (For internal use only)"), (30, "Main Operation (For internal use only)"),
                (35, "Internal Post-operation Before External Plugins (For internal use only)"), (40, "Post-operation"),
                (45, "Internal Post-operation After External Plugins (For internal use only)"), (50, "Post-operation (Deprecated)")),
            Pick("mode", (0, "Synchronous"), (1, "Asynchronous")), Int("rank"), Memo("filteringattributes", 100000),
            Memo("configuration", 1073741823), Bool("asyncautodelete"), Memo("description", 256),
            Pick("supporteddeployment", (0, "Server Only"), (1, "Microsoft Dynamics 365 Client for Outlook Only"), (2, "Both"))),
        Table("sdkmessageprocessingstepimage", "Sdk Message Processing Step Image", "Sdk Message Processing Step Images", 4615, Ownership.OrganizationOwned, "name", [],
            Str("name", 256), Lookup("sdkmessageprocessingstepid", "sdkmessageprocessingstep"),
            Pick("imagetype", (0, "PreImage"), (1, "PostImage"), (2, "Both")), Str("entityalias", 256),
            Memo("attributes", 100000), Str("messagepropertyname", 256), Memo("description", 256)),
        Table("plugintype", "Plug-in Type", "Plug-in Types", 4602, Ownership.OrganizationOwned, "name", [],
            Str("name", 256), Str("typename", 256), Str("friendlyname", 256), Lookup("pluginassemblyid", "pluginassembly"),
            Str("assemblyname", 100), Bool("isworkflowactivity"), Str("workflowactivitygroupname", 256), Memo("description", 256)),
        Table("pluginassembly", "Plug-in Assembly", "Plug-in Assemblies", 4605, Ownership.OrganizationOwned, "name", [],
            Str("name", 256), Str("version", 48), Str("culture", 32), Str("publickeytoken", 32),
            Pick("isolationmode", (1, "None"), (2, "Sandbox"), (3, "External")),
            Pick("sourcetype", (0, "Database"), (1, "Disk"), (2, "Normal"), (3, "AzureWebApp"), (4, "File Store")),
            Memo("content", 1073741823), Memo("description", 256)),
        Table("customapi", "Custom API", "Custom APIs", null, Ownership.UserOwned, "name", ActiveInactive(),
            Str("uniquename", 128), Str("name", 100), Str("displayname", 100), Str("description", 300),
            Pick("bindingtype", (0, "Global"), (1, "Entity"), (2, "Entity Collection")), Str("boundentitylogicalname", 100),
            Bool("isfunction"), Bool("isprivate"), Bool("workflowsdkstepenabled"),
            Pick("allowedcustomprocessingsteptype", (0, "None"), (1, "Async Only"), (2, "Sync and Async")),
            Lookup("plugintypeid", "plugintype"), Str("executeprivilegename", 100)),
        Table("customapirequestparameter", "Custom API Request Parameter", "Custom API Request Parameters", null, Ownership.UserOwned, "name", ActiveInactive(),
            Lookup("customapiid", "customapi"), Str("uniquename", 128), Str("name", 100), Str("displayname", 100),
            Str("description", 300), FieldType("type"), Bool("isoptional"), Str("logicalentityname", 100)),
        Table("customapiresponseproperty", "Custom API Response Property", "Custom API Response Properties", null, Ownership.UserOwned, "name", ActiveInactive(),
            Lookup("customapiid", "customapi"), Str("uniquename", 128), Str("name", 100), Str("displayname", 100),
            Str("description", 300), FieldType("type"), Str("logicalentityname", 100)),
        Table("solution", "Solution", "Solutions", 7100, Ownership.OrganizationOwned, "friendlyname", [],
            Str("uniquename", 65), Str("friendlyname", 256), Str("version", 256), Lookup("publisherid", "publisher"),
            Bool("ismanaged"), Memo("description", 2000), DateTime("installedon")),
        Table("publisher", "Publisher", "Publishers", 7101, Ownership.OrganizationOwned, "friendlyname", [],
            Str("uniquename", 256), Str("friendlyname", 256), Str("customizationprefix", 8), Int("customizationoptionvalueprefix"),
            Memo("description", 2000)),
        Table("webresource", "Web Resource", "Web Resources", 9333, Ownership.OrganizationOwned, "name", [],
            Str("name", 256), Str("displayname", 200), Memo("content", 1073741823), Memo("description", 2000),
            Pick("webresourcetype", (1, "Webpage (HTML)"), (2, "Style Sheet (CSS)"), (3, "Script (JScript)"), (4, "Data (XML)"), (5, "PNG format"),
                (6, "JPG format"), (7, "GIF format"), (8, "Silverlight (XAP)"), (9, "Style Sheet (XSL)"), (10, "ICO format"), (11, "Vector format (SVG)"), (12, "String (RESX)"))),
        // learn.microsoft.com/power-apps/developer/data-platform/reference/entities/customcontrol: a code component a solution imported.
        Table("customcontrol", "Custom Control", "Custom Controls", null, Ownership.OrganizationOwned, "name", [],
            Str("name", 100), Memo("manifest", 1073741823), Str("compatibledatatypes", 1000), Str("version", 100),
            Memo("clientjson", 1073741823), Memo("authoringmanifest", 1073741823), Str("introducedversion", 48)),
        Table("importjob", "Import Job", "Import Jobs", 4410, Ownership.OrganizationOwned, "name", [],
            Str("name", 256), Str("solutionname", 256), Memo("data", 1073741823), Dbl("progress"), DateTime("startedon"),
            DateTime("completedon"), Guid("solutionid")),
        Table("asyncoperation", "System Job", "System Jobs", 4700, Ownership.UserOwned, "name",
            [new(0, "Ready", [new(0, "Waiting For Resources")]), new(1, "Suspended", [new(10, "Waiting")]),
             new(2, "Locked", [new(20, "In Progress"), new(21, "Pausing"), new(22, "Canceling")]),
             new(3, "Completed", [new(30, "Succeeded"), new(31, "Failed"), new(32, "Canceled")])],
            Str("name", 256), Pick("operationtype", (1, "System Event"), (10, "Workflow"), (54, "Execute Async Request")),
            Lookup("regardingobjectid", "account", "contact", "opportunity", "invoice", "salesorder", "campaign", "task"),
            Memo("message", 1073741823), Memo("friendlymessage", 1073741823), DateTime("startedon"), DateTime("completedon"),
            Guid("correlationid"), Int("depth"), Str("messagename", 256), Str("primaryentitytype", 64)),
        Intersect("teammembership", "teammembershipid", "teamid", "systemuserid", 23),
        Intersect("systemuserroles", "systemuserroleid", "systemuserid", "roleid", 15),
        Intersect("teamroles", "teamroleid", "teamid", "roleid", 40),
        Intersect("accountleads", "accountleadid", "accountid", "leadid", null),
        Intersect("contactleads", "contactleadid", "contactid", "leadid", null),
    ];

    private static TableDefinition Table(
        string name, string display, string plural, int? typeCode, Ownership ownership, string primaryName,
        IReadOnlyList<StateDefinition> states, params ColumnDefinition[] columns)
    {
        var primaryId = new ColumnDefinition(name + "id", display, ColumnType.Uniqueidentifier) { IsPrimaryId = true };
        var all = new List<ColumnDefinition> { primaryId };
        foreach (var column in columns)
        {
            var labelled = StandardColumnLabels.For(name, column.LogicalName) is { } label ? column with { DisplayName = label } : column;
            all.Add(column.LogicalName == primaryName ? labelled with { IsPrimaryName = true } : labelled);
        }

        return new TableDefinition(name, display, plural)
        {
            ObjectTypeCode = typeCode,
            Ownership = ownership,
            PrimaryNameAttribute = primaryName,
            Columns = all,
            States = states,
        };
    }

    // Activities share one key name (activityid) across tables.
    private static TableDefinition WithPrimaryId(this TableDefinition table, string primaryId) =>
        table with
        {
            PrimaryIdAttribute = primaryId,
            Columns = table.Columns.Select(c => c.IsPrimaryId ? c with { LogicalName = primaryId } : c).ToArray(),
        };

    // Intersect tables hold two Uniqueidentifier columns (not lookups), as in Dataverse.
    private static TableDefinition Intersect(string name, string primaryId, string first, string second, int? typeCode) =>
        new(name, name, name)
        {
            ObjectTypeCode = typeCode,
            Ownership = Ownership.None,
            PrimaryIdAttribute = primaryId,
            PrimaryNameAttribute = primaryId,
            Columns =
            [
                new ColumnDefinition(primaryId, primaryId, ColumnType.Uniqueidentifier) { IsPrimaryId = true },
                new ColumnDefinition(first, first, ColumnType.Uniqueidentifier),
                new ColumnDefinition(second, second, ColumnType.Uniqueidentifier),
            ],
        };

    private static ColumnDefinition Str(string name, int max) => new(name, name, ColumnType.String) { MaxLength = max };

    private static ColumnDefinition Memo(string name, int max) => new(name, name, ColumnType.Memo) { MaxLength = max };

    private static ColumnDefinition Int(string name) => new(name, name, ColumnType.Integer) { MinValue = int.MinValue, MaxValue = int.MaxValue };

    private static ColumnDefinition Dec(string name, int precision) => new(name, name, ColumnType.Decimal) { Precision = precision };

    private static ColumnDefinition Dbl(string name) => new(name, name, ColumnType.Double);

    private static ColumnDefinition Money(string name) => new(name, name, ColumnType.Money) { Precision = 4 };

    private static ColumnDefinition Bool(string name) => new(name, name, ColumnType.Boolean);

    // A yes/no column whose options the reference names otherwise (contact.donotemail: 1 "Do Not Allow", 0 "Allow").
    private static ColumnDefinition Bool(string name, string trueLabel, string falseLabel) =>
        new(name, name, ColumnType.Boolean) { OptionSet = new OptionSetDefinition(name, [new OptionDefinition(1, trueLabel), new OptionDefinition(0, falseLabel)]) };

    private static ColumnDefinition Guid(string name) => new(name, name, ColumnType.Uniqueidentifier);

    private static ColumnDefinition EntityName(string name) => new(name, name, ColumnType.EntityName) { MaxLength = 64 };

    private static ColumnDefinition DateTime(string name) => new(name, name, ColumnType.DateTime);

    private static ColumnDefinition DateOnly(string name) => new(name, name, ColumnType.DateTime) { DateOnly = true };

    private static ColumnDefinition Lookup(string name, params string[] targets) => new(name, name, ColumnType.Lookup) { Targets = targets };

    private static ColumnDefinition Party(string name) => new(name, name, ColumnType.PartyList);

    private static ColumnDefinition Customer(string name) => new(name, name, ColumnType.Customer) { Targets = Customers };

    private static ColumnDefinition Pick(string name, params (int Value, string Label)[] options) =>
        new(name, name, ColumnType.Picklist)
        {
            OptionSet = new OptionSetDefinition(name, options.Select(o => new OptionDefinition(o.Value, o.Label)).ToArray()),
        };

    // The Custom API type codes (https://learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables).
    private static ColumnDefinition FieldType(string name) =>
        Pick(name, (0, "Boolean"), (1, "DateTime"), (2, "Decimal"), (3, "Entity"), (4, "EntityCollection"), (5, "EntityReference"),
            (6, "Float"), (7, "Integer"), (8, "Money"), (9, "Picklist"), (10, "String"), (11, "StringArray"), (12, "Guid"));
}
