using System;
using Microsoft.Xrm.Sdk;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>The record URLs designers pass: Unified Interface (etn) and classic (etc, braced and escaped id).</summary>
public sealed class RecordUrlTests
{
    private const string Input = "Follow Record: the input 'Record URL'";
    private static readonly Guid Id = new("7d0c2b1e-0000-4000-8000-000000000001");

    [TestCase("https://org.crm.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=contact&id=7d0c2b1e-0000-4000-8000-000000000001", "contact", null)]
    [TestCase("https://org.crm.dynamics.com/main.aspx?ETN=Rapport_Gift&ID=%7B7D0C2B1E-0000-4000-8000-000000000001%7D", "rapport_gift", null)]
    [TestCase("https://org.crm.dynamics.com:443/main.aspx?etc=2&id=%7b7d0c2b1e-0000-4000-8000-000000000001%7d&histKey=1&newWindow=true&pagetype=entityrecord", null, 2)]
    [TestCase("https://org.crm.dynamics.com/main.aspx#etn=account&id={7d0c2b1e-0000-4000-8000-000000000001}", "account", null)]
    public void The_table_and_id_are_read_from_the_url(string url, string? table, int? typeCode)
    {
        var parsed = RecordUrl.Parse(url, Input);

        Assert.That(parsed, Is.EqualTo(new ParsedRecordUrl(table, typeCode, Id)));
    }

    [TestCase("https://org.crm.dynamics.com/main.aspx?etn=contact", "has no record id")]
    [TestCase("https://org.crm.dynamics.com/main.aspx?etn=contact&id=00000000-0000-0000-0000-000000000000", "has no record id")]
    [TestCase("https://org.crm.dynamics.com/main.aspx?id=7d0c2b1e-0000-4000-8000-000000000001", "does not say which table")]
    [TestCase("https://org.crm.dynamics.com/main.aspx?etn=con tact&id=7d0c2b1e-0000-4000-8000-000000000001", "which is not a table logical name")]
    [TestCase("not a url", "has no record id")]
    public void A_url_that_names_no_record_is_refused_naming_the_input(string url, string problem)
    {
        var error = Assert.Throws<InvalidPluginExecutionException>(() => RecordUrl.Parse(url, Input))!;

        Assert.That(error.Message, Does.StartWith(Input).And.Contain(problem));
    }

    [TestCase(1, "account")]
    [TestCase(2, "contact")]
    [TestCase(3, "opportunity")]
    [TestCase(8, "systemuser")]
    [TestCase(112, "incident")]
    public void A_standard_type_code_needs_no_lookup(int typeCode, string table)
    {
        var record = RecordUrl.Resolve($"https://org/main.aspx?etc={typeCode}&id={Id}", Input, null!);

        Assert.That(record, Is.EqualTo(new EntityReference(table, Id)));
    }
}
