using System.Collections.Generic;

namespace Rapport.Solution.Model;

/// <summary>
/// The display names (English, 1033) of standard columns as Microsoft's table reference lists them
/// (learn.microsoft.com/power-apps/developer/data-platform/reference/entities/contact, …/account, …/opportunity;
/// lead: learn.microsoft.com/dynamics365/sales/developer/entities/lead). A column not listed here keeps its logical
/// name as its label in the emulator. System columns (owner, status, audit) are labelled for every table.
/// </summary>
public static class StandardColumnLabels
{
    private static readonly Dictionary<string, string> System = new()
    {
        ["createdon"] = "Created On", ["modifiedon"] = "Modified On", ["createdby"] = "Created By", ["modifiedby"] = "Modified By",
        ["ownerid"] = "Owner", ["owningbusinessunit"] = "Owning Business Unit", ["owninguser"] = "Owning User", ["owningteam"] = "Owning Team",
        ["statecode"] = "Status", ["statuscode"] = "Status Reason", ["versionnumber"] = "Version Number",
        ["overriddencreatedon"] = "Record Created On", ["transactioncurrencyid"] = "Currency", ["description"] = "Description",
    };

    private static readonly Dictionary<string, Dictionary<string, string>> ByTable = new()
    {
        ["contact"] = new()
        {
            ["contactid"] = "Contact", ["fullname"] = "Full Name", ["firstname"] = "First Name", ["lastname"] = "Last Name",
            ["emailaddress1"] = "Email", ["telephone1"] = "Business Phone", ["mobilephone"] = "Mobile Phone", ["jobtitle"] = "Job Title",
            ["parentcustomerid"] = "Company Name", ["birthdate"] = "Birthday", ["gendercode"] = "Gender",
            ["address1_city"] = "Address 1: City", ["address1_country"] = "Address 1: Country/Region", ["creditlimit"] = "Credit Limit",
            ["donotemail"] = "Do not allow Emails",
        },
        ["account"] = new()
        {
            ["accountid"] = "Account", ["name"] = "Account Name", ["accountnumber"] = "Account Number", ["emailaddress1"] = "Email",
            ["telephone1"] = "Main Phone", ["websiteurl"] = "Website", ["parentaccountid"] = "Parent Account",
            ["primarycontactid"] = "Primary Contact", ["revenue"] = "Annual Revenue", ["numberofemployees"] = "Number of Employees",
            ["industrycode"] = "Industry", ["customertypecode"] = "Relationship Type", ["address1_city"] = "Address 1: City",
            ["address1_country"] = "Address 1: Country/Region", ["creditlimit"] = "Credit Limit",
        },
        ["opportunity"] = new()
        {
            ["opportunityid"] = "Opportunity", ["name"] = "Topic", ["customerid"] = "Potential Customer", ["parentaccountid"] = "Account",
            ["parentcontactid"] = "Contact", ["estimatedvalue"] = "Est. Revenue", ["actualvalue"] = "Actual Revenue",
            ["estimatedclosedate"] = "Est. Close Date", ["actualclosedate"] = "Actual Close Date", ["closeprobability"] = "Probability",
            ["campaignid"] = "Source Campaign",
        },
        ["lead"] = new()
        {
            ["subject"] = "Topic", ["fullname"] = "Name", ["firstname"] = "First Name", ["lastname"] = "Last Name",
            ["companyname"] = "Company Name", ["emailaddress1"] = "Email", ["telephone1"] = "Business Phone", ["jobtitle"] = "Job Title",
            ["parentaccountid"] = "Parent Account for lead", ["parentcontactid"] = "Parent Contact for lead", ["customerid"] = "Customer",
            ["estimatedvalue"] = "Est. Value",
        },
        ["systemuser"] = new() { ["fullname"] = "Full Name", ["firstname"] = "First Name", ["lastname"] = "Last Name", ["internalemailaddress"] = "Primary Email", ["businessunitid"] = "Business Unit", ["parentsystemuserid"] = "Manager", ["title"] = "Title" },
        ["team"] = new() { ["name"] = "Team Name", ["businessunitid"] = "Business Unit", ["teamtype"] = "Team Type" },
        ["task"] = new() { ["subject"] = "Subject", ["regardingobjectid"] = "Regarding", ["scheduledend"] = "Due", ["prioritycode"] = "Priority" },
        ["incident"] = new() { ["title"] = "Case Title", ["ticketnumber"] = "Case Number", ["customerid"] = "Customer", ["prioritycode"] = "Priority", ["caseorigincode"] = "Origin" },
    };

    /// <summary>The documented display name, or null when none is recorded here.</summary>
    public static string? For(string table, string column) =>
        ByTable.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var label) ? label
        : System.TryGetValue(column, out var system) ? system : null;
}
