using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;
using Rapport.Plugins.Services.Clv;
using Rapport.WorkflowActivities.Clv;
using C = Rapport.Plugins.Services.Clv.ClvSchema.Customer;

namespace Rapport.WorkflowActivities.Tests;

public sealed class ClvActivityTests
{
    /// <summary>BG/BB parameters of the published donation example (Fader, Hardie &amp; Shang 2010).</summary>
    private static readonly Dictionary<string, double> BgBbParameters = new() { ["alpha"] = 1.204, ["beta"] = 0.750, ["gamma"] = 0.657, ["delta"] = 2.783 };

    private ActivityWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new ActivityWorld();

    [Test]
    public void Calculate_CLV_rescores_the_contact_and_returns_what_it_stored()
    {
        var dana = _w.Contact("Dana Ruiz");
        Gift(dana, 50m, new DateTime(2022, 3, 1));
        Gift(dana, 80m, new DateTime(2023, 3, 1));
        Gift(dana, 120m, new DateTime(2025, 2, 1));
        Model(BgBbModel.ModelName, BgBbParameters, unit: "year");
        _w.Env.Clock.Set(ActivityWorld.Today.AddDays(30));

        var outputs = _w.Run(new CalculateClvActivity(), _w.Ana, new Dictionary<string, object?> { ["Contact"] = new EntityReference("contact", dana) });

        var row = _w.Read("contact", dana);
        var expected = CustomerScorer.Score(CustomerLedger.Parse(row.GetAttributeValue<string>(C.State), C.State), ActivityWorld.Today.AddDays(30), ClvModelRepository.ActiveModels(_w.Env.SystemService));
        Assert.Multiple(() =>
        {
            Assert.That(outputs["IsScored"], Is.True);
            Assert.That(outputs["ModelKind"], Is.EqualTo("bgbb"));
            Assert.That(((Money)outputs["LifetimeValue"]!).Value, Is.EqualTo(row.GetAttributeValue<Money>(C.Clv)!.Value).And.EqualTo(expected.Clv));
            Assert.That(outputs["ProbabilityAlive"], Is.EqualTo(row.GetAttributeValue<double?>(C.PAlive)).And.EqualTo(expected.ProbabilityAlive).And.InRange(0.0, 1.0));
            Assert.That(outputs["ExpectedTransactions"], Is.EqualTo(row.GetAttributeValue<double?>(C.Expected12m)).And.GreaterThan(0));
            Assert.That(outputs["ScoredOn"], Is.EqualTo(ActivityWorld.Today.AddDays(30)));
            Assert.That(row.GetAttributeValue<DateTime?>(C.ScoredOn), Is.EqualTo(ActivityWorld.Today.AddDays(30)));
            Assert.That(outputs["Segment"], Is.EqualTo(expected.Segment.ToString()));
        });
    }

    [Test]
    public void Calculate_CLV_returns_the_interval_the_card_shows_for_a_fitted_model_and_none_for_a_hand_made_one()
    {
        // 200 buyers drawn from the BG/NBD at the CDNOW estimates (Fader, Hardie & Lee 2005): a fit with finite
        // standard errors, so the model carries the covariance the interval is drawn from.
        var random = new RandomVariates(2005);
        var start = new DateTime(2022, 1, 3);
        var first = Guid.Empty;
        for (var i = 0; i < 200; i++)
        {
            var buyer = _w.Contact("Buyer " + i);
            first = first == Guid.Empty ? buyer : first;
            var lambda = random.Gamma(0.243) / 4.414;
            var p = random.Beta(0.793, 2.426);
            var week = random.Uniform() * 26;
            while (week * 7 < (ActivityWorld.Today.Date - start).TotalDays)
            {
                Gift(buyer, 20 + (i % 50), start.AddDays(Math.Floor(week * 7)));
                week += random.Exponential(lambda);
                if (random.Uniform() < p && week > 26)
                {
                    break;
                }
            }
        }

        var fit = _w.Env.SystemService.Execute(new OrganizationRequest("rapport_FitClvModel") { ["Kind"] = "bgnbd" }).Results;
        _w.Env.SystemService.Update(new Entity(ClvSchema.Model, (Guid)fit["ModelId"]!) { [ClvSchema.ModelColumns.Status] = new OptionSetValue(ClvSchema.ModelStatusActive) });

        var outputs = _w.Run(new CalculateClvActivity(), _w.Ana, new Dictionary<string, object?> { ["Contact"] = new EntityReference("contact", first) });
        var card = System.Text.Json.JsonDocument.Parse((string)_w.Env.GetService(_w.Ana).Execute(new OrganizationRequest("rapport_GetCustomerInsights") { ["RecordTable"] = "contact", ["RecordId"] = first.ToString() }).Results["Insights"]!).RootElement;
        var clv = ((Money)outputs["LifetimeValue"]!).Value;
        Assert.Multiple(() =>
        {
            Assert.That(fit["StandardErrorsFinite"], Is.True);
            Assert.That(((Money)outputs["LifetimeValueLow"]!).Value, Is.LessThan(clv).And.EqualTo(card.GetProperty("clvInterval").GetProperty("low").GetDecimal()));
            Assert.That(((Money)outputs["LifetimeValueHigh"]!).Value, Is.GreaterThan(clv).And.EqualTo(card.GetProperty("clvInterval").GetProperty("high").GetDecimal()));
        });

        // A model entered by hand has no covariance: the step leaves the interval empty rather than invent one.
        _w.Env.SystemService.Update(new Entity(ClvSchema.Model, (Guid)fit["ModelId"]!) { [ClvSchema.ModelColumns.Status] = new OptionSetValue(ClvSchema.ModelStatusDraft) });
        Model(BgNbdModel.ModelName, new Dictionary<string, double> { ["r"] = 0.243, ["alpha"] = 4.414, ["a"] = 0.793, ["b"] = 2.426 }, unit: "week");
        var handMade = _w.Run(new CalculateClvActivity(), _w.Ana, new Dictionary<string, object?> { ["Contact"] = new EntityReference("contact", first) });
        Assert.That(handMade["IsScored"], Is.True);
        Assert.That(handMade["LifetimeValueLow"], Is.Null);
        Assert.That(handMade["LifetimeValueHigh"], Is.Null);
    }

    [Test]
    public void Calculate_CLV_of_an_account_without_an_active_model_returns_the_history_only()
    {
        var account = _w.Account("Contoso");
        Gift(account, 200m, new DateTime(2025, 1, 10), "account");

        var outputs = _w.Run(new CalculateClvActivity(), _w.Ana, new Dictionary<string, object?> { ["Account"] = new EntityReference("account", account) });

        Assert.Multiple(() =>
        {
            Assert.That(outputs["IsScored"], Is.False);
            Assert.That(outputs["LifetimeValue"], Is.Null);
            Assert.That(outputs["ProbabilityAlive"], Is.EqualTo(0.0));
            Assert.That(outputs["ModelKind"], Is.EqualTo(string.Empty));
            Assert.That(outputs["Segment"], Is.EqualTo("Steady"));
            Assert.That(_w.Read("account", account).GetAttributeValue<Money>(C.Total)!.Value, Is.EqualTo(200m));
        });
    }

    [Test]
    public void Calculate_CLV_needs_exactly_one_customer()
    {
        var contact = new EntityReference("contact", _w.Contact("Dana Ruiz"));
        var account = new EntityReference("account", _w.Account("Contoso"));

        _w.Refused(new CalculateClvActivity(), _w.Ana, new Dictionary<string, object?>(), "Calculate Customer Lifetime Value: set the Contact or the Account input.");
        _w.Refused(new CalculateClvActivity(), _w.Ana, new Dictionary<string, object?> { ["Contact"] = contact, ["Account"] = account }, "not both");
    }

    [Test]
    public void Fit_CLV_Model_writes_the_draft_model_the_fit_API_would_write()
    {
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var donor = _w.Contact("Donor " + i);
            for (var year = 2015 + random.Next(4); year <= 2025; year++)
            {
                if (random.NextDouble() < 0.6)
                {
                    Gift(donor, 10 + random.Next(90), new DateTime(year, 1 + random.Next(5), 1 + random.Next(27)));
                }
            }
        }

        var outputs = _w.Run(new FitClvModelActivity(), _w.Ana, new Dictionary<string, object?>
        {
            ["ModelKind"] = new OptionSetValue(ClvSchema.KindOption(BgBbModel.ModelName)),
            ["SampleCap"] = 30,
        });
        var api = _w.Env.GetService(_w.Ana).Execute(new OrganizationRequest("rapport_FitClvModel") { ["Kind"] = "bgbb", ["SampleCap"] = 30 }).Results;

        var model = _w.Read(ClvSchema.Model, ((EntityReference)outputs["Model"]!).Id);
        Assert.Multiple(() =>
        {
            Assert.That(outputs["SampleSize"], Is.EqualTo(30).And.EqualTo(api["SampleSize"]));
            Assert.That(outputs["LogLikelihood"], Is.LessThan(0).And.EqualTo(api["LogLikelihood"]));
            // 40 donors giving at random with one shared rate: BG/BB's heterogeneity parameters (alpha, beta) run to or
            // near a bound; the step reports the same verdict, reasons and holdout as the API, never a bare "Usable".
            Assert.That(outputs["Verdict"], Is.Not.EqualTo("Usable").And.EqualTo(api["Verdict"]));
            Assert.That((string)outputs["VerdictReasons"]!, Does.Contain("Parameter alpha").And.Contain("Parameter beta").And.EqualTo(api["VerdictReasons"]));
            Assert.That(outputs["HoldoutMeasured"], Is.EqualTo(api["HoldoutMeasured"]));
            Assert.That(outputs["HoldoutError"], Is.EqualTo(api.Contains("HoldoutMae") ? api["HoldoutMae"] : 0.0));
            Assert.That((string)outputs["HoldoutSummary"]!, Is.Not.Empty.And.EqualTo(api["HoldoutSummary"]));
            Assert.That(outputs["Iterations"], Is.GreaterThan(0));
            Assert.That(model.GetAttributeValue<string>(ClvSchema.ModelColumns.VerdictReasons), Is.EqualTo(outputs["VerdictReasons"]));
            Assert.That(model.GetAttributeValue<OptionSetValue>(ClvSchema.ModelColumns.Status)!.Value, Is.EqualTo(ClvSchema.ModelStatusDraft));
            Assert.That(model.GetAttributeValue<OptionSetValue>(ClvSchema.ModelColumns.Kind)!.Value, Is.EqualTo(ClvSchema.KindOption(BgBbModel.ModelName)));
            Assert.That(model.GetAttributeValue<int>(ClvSchema.ModelColumns.SampleCap), Is.EqualTo(30));
        });
    }

    [Test]
    public void Fit_CLV_Model_refuses_an_unknown_kind_and_a_cap_out_of_range()
    {
        _w.Refused(
            new FitClvModelActivity(),
            _w.Ana,
            new Dictionary<string, object?> { ["ModelKind"] = new OptionSetValue(107850042) },
            "Fit CLV Model: the input 'Model Kind' is 107850042, which is not a Rapport model kind");
        _w.Refused(
            new FitClvModelActivity(),
            _w.Ana,
            new Dictionary<string, object?> { ["ModelKind"] = new OptionSetValue(ClvSchema.KindOption("bgnbd")), ["SampleCap"] = -5 },
            "Fit CLV Model: the input 'Sample Cap' must be 1 to 200000; it was -5.");
    }

    private void Gift(Guid donor, decimal amount, DateTime day, string table = "contact") =>
        _w.Env.SystemService.Create(new Entity(ClvSchema.Gift)
        {
            ["rapport_name"] = "Gift",
            [ClvSchema.GiftColumns.Donor] = new EntityReference(table, donor),
            [ClvSchema.GiftColumns.Amount] = new Money(amount),
            [ClvSchema.GiftColumns.Date] = DateTime.SpecifyKind(day, DateTimeKind.Utc),
        });

    private void Model(string kind, IReadOnlyDictionary<string, double> parameters, string unit) =>
        _w.Env.SystemService.Create(new Entity(ClvSchema.Model)
        {
            [ClvSchema.ModelColumns.Name] = kind,
            [ClvSchema.ModelColumns.Kind] = new OptionSetValue(ClvSchema.KindOption(kind)),
            [ClvSchema.ModelColumns.Parameters] = new ClvModelSpec(kind, parameters) { Unit = unit }.ToJson(),
            [ClvSchema.ModelColumns.FittedOn] = ActivityWorld.Today.AddDays(-1),
            [ClvSchema.ModelColumns.Status] = new OptionSetValue(ClvSchema.ModelStatusActive),
        });
}
