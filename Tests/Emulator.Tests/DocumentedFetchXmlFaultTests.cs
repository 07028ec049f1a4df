using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Emulator.Tests;

/// <summary>
/// FetchXML the platform refuses gets the code the web service error list names for that case, with its message
/// (learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes), and nothing is read.
/// </summary>
public sealed class DocumentedFetchXmlFaultTests : EmulatorTest
{
    [TestCase("<fetch><entity name='account'><colum name='name' /></entity></fetch>", unchecked((int)0x8004111C), "The element node encountered is invalid.",
        TestName = "An_unknown_element_faults_QueryBuilderDeserializeInvalidNode_0x8004111C")]
    [TestCase("<fetch><entity name='account'><link-entity name='contact' from='parentcustomerid' to='accountid' link-type='sideways' /></entity></fetch>",
        unchecked((int)0x80041117), "The only valid values for link-type attribute are",
        TestName = "An_unknown_link_type_faults_QueryBuilderDeserializeInvalidLinkType_0x80041117")]
    [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='sounds-like' value='x' /></filter></entity></fetch>",
        unchecked((int)0x80041120), "Unsupported condition operator.",
        TestName = "An_unknown_condition_operator_faults_QueryBuilderInvalidConditionOperator_0x80041120")]
    [TestCase("<fetch><entity name='account'><filter type='xor'><condition attribute='name' operator='eq' value='x' /></filter></entity></fetch>",
        unchecked((int)0x80041122), "Unsupported filter type. Valid values are 'and', or 'or'.",
        TestName = "A_filter_type_other_than_and_or_faults_QueryBuilderInvalidFilterType_0x80041122")]
    [TestCase("<fetch><entity name='account'><link-entity name='contact' from='parentcustomerid' to='accountid' alias='c' /><link-entity name='contact' from='parentcustomerid' to='primarycontactid' alias='c' /></entity></fetch>",
        unchecked((int)0x80041130), "FetchXML should have unique aliases.",
        TestName = "A_repeated_link_entity_alias_faults_QueryBuilderDuplicateAlias_0x80041130")]
    public void Refused_fetchxml_gets_the_documented_code(string fetchXml, int code, string message)
    {
        Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var fault = FaultAssert.Throws(Env, code, () => Service.RetrieveMultiple(new FetchExpression(fetchXml)));

        Assert.That(fault.Message, Does.StartWith(message));
    }

    [Test]
    public void A_paging_cookie_that_cannot_be_read_faults_QueryBuilderInvalidPagingCookie_0x8004112A()
    {
        var query = new QueryExpression("account") { PageInfo = new PagingInfo { Count = 1, PageNumber = 2, PagingCookie = "not a cookie" } };

        var fault = FaultAssert.Throws(Env, unchecked((int)0x8004112A), () => Service.RetrieveMultiple(query));

        Assert.That(fault.Message, Is.EqualTo("Invalid page number in paging cookie."));
    }
}
