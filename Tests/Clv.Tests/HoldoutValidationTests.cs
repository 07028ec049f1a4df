using System;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

public class HoldoutValidationTests
{
    [Test]
    public void BgNbd_fitted_on_cdnow_calibration_tracks_the_39_week_holdout()
    {
        var rows = RfmSummary.Split(TransactionLog.Read(GoldenData.PathOf("CDNOW_sample.txt")), new DateTime(1997, 9, 30), new DateTime(1998, 6, 30), TimeUnit.Week);
        var model = BgNbdModel.From(BgNbdModel.Fit(rows.ConvertAll(r => r.Calibration)));

        var report = HoldoutValidation.Validate(model, rows, 39);

        // 1,882 repeat purchase days happened; BG/NBD (and Pareto/NBD alike) forecasts ~1,650-1,750 on this holdout,
        // so the aggregate check allows 15%.
        Assert.That(report.Customers, Is.EqualTo(2357));
        Assert.That(report.ActualTotal, Is.EqualTo(1882));
        Assert.That(report.PredictedTotal, Is.EqualTo(report.ActualTotal).Within(15).Percent);
        Assert.That(report.Correlation, Is.GreaterThan(0.5));
        Assert.That(report.MeanAbsoluteError, Is.GreaterThan(0).And.LessThan(1));
    }

    [Test]
    public void Correlation_is_reported_as_missing_when_nobody_bought_in_the_holdout()
    {
        var rows = RfmSummary.Split(
            new[] { new Transaction("a", new DateTime(2020, 1, 1), 1), new Transaction("b", new DateTime(2020, 1, 2), 1), new Transaction("b", new DateTime(2020, 1, 9), 1) },
            new DateTime(2020, 2, 1),
            new DateTime(2020, 3, 1),
            TimeUnit.Week);

        var report = HoldoutValidation.Validate(new BgNbdModel(0.243, 4.414, 0.793, 2.426), rows, 4);

        Assert.That(report.ActualTotal, Is.EqualTo(0));
        Assert.That(report.Correlation, Is.Null);
        Assert.That(report.MeanAbsoluteError, Is.EqualTo(report.PredictedTotal / 2).Within(1e-12));
    }
}
