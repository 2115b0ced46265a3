using Marketplace.Domain.Tests.Policy.ScreeningSets;
using Marketplace.Web.Features.Screening;
using Marketplace.Web.Tests.Policy.ScreeningSets;
using Microsoft.ML;

namespace Marketplace.Web.Tests.Policy;

/// <summary>The text model reads listings by its learned weights; what it reads must be what ML.NET itself predicts.</summary>
public sealed class TextModelScoresTests
{
    [Fact]
    public void Scores_from_the_learned_weights_equal_ml_net_predictions_for_every_screening_case()
    {
        var stored = DemoTextModel.TrainStored();
        var model = TextModel.Load(stored);
        var ml = new MLContext(seed: 2021);
        using var bytes = new MemoryStream(stored.Bytes);
        var engine = ml.Model.CreatePredictionEngine<ListingText, ClusterScores>(ml.Model.Load(bytes, out _));

        var texts = ScreeningSet.TuningDisguised.Concat(ScreeningSet.HeldOutDisguised).Concat(ScreeningSet.TuningLegitimate).Concat(ScreeningSet.HeldOutLegitimate)
            .Select(c => TextModel.Read(c.Title, c.Description))
            .Append("b2b kaos 9 lusin")
            .Append(string.Empty)
            .ToList();

        foreach (var text in texts)
        {
            var expected = engine.Predict(new ListingText { Text = text }).Score;
            model.Scores(text).Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-4f, "for \"{0}\"", text);
        }
    }
}
