using Marketplace.Domain.Policy;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Marketplace.Web.Features.Screening;

/// <summary>A listing's text as the model reads it, and the cluster it is filed under when the model learns.</summary>
internal sealed class ListingText
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}

internal sealed class ClusterScores
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

/// <summary>
/// One trained version of the text model, ready to read listings: a linear maximum-entropy classifier over the bag of
/// normalised words (<see cref="LexiconText.Normalize"/>), so that every disguise the keyword screening undoes is undone
/// for the model too, and the weight of each word toward each cluster can be read back as the reason.
/// ML.NET learns the model; reading a listing evaluates the learned weights directly (the L2-normalised word counts times
/// each cluster's weights plus its bias, then softmax), which gives ML.NET's own scores (a test holds them equal) at a
/// small fraction of a prediction engine's cost, since a closure re-screens hundreds of thousands of listings.
/// </summary>
public sealed class TextModel
{
    private const int ReasonWords = 3;

    private readonly ITransformer _transformer;
    private readonly string[] _labels;

    /// <summary>Each word's weight toward each cluster, in label order.</summary>
    private readonly Dictionary<string, float[]> _weights;

    private readonly float[] _biases;

    private TextModel(int version, string[] labels, ITransformer transformer)
    {
        Version = version;
        _labels = labels;
        _transformer = transformer;
        (_weights, _biases) = WordWeights(transformer, labels.Length);
    }

    public int Version { get; }

    public static TextModel Load(ScreeningModel stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var ml = new MLContext(seed: 2021);
        using var stream = new MemoryStream(stored.Bytes);
        var transformer = ml.Model.Load(stream, out _);
        return new TextModel(stored.Version, stored.Labels, transformer);
    }

    /// <summary>Learns clusters from categorised listings; returns the model's bytes and its cluster codes in score order.</summary>
    public static (byte[] Bytes, string[] Labels) Train(IEnumerable<(string Title, string Description, string ClusterCode)> listings)
    {
        var ml = new MLContext(seed: 2021);
        var rows = listings.Select(l => new ListingText { Text = Read(l.Title, l.Description), Label = l.ClusterCode }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText(
                "Features",
                new TextFeaturizingEstimator.Options
                {
                    CaseMode = TextNormalizingEstimator.CaseMode.None,
                    KeepNumbers = false,
                    WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
                    CharFeatureExtractor = null,
                },
                nameof(ListingText.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = 30 }));
        var model = pipeline.Fit(data);

        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)["Label"].GetKeyValues(ref keys);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        return (stream.ToArray(), [.. keys.DenseValues().Select(k => k.ToString())]);
    }

    /// <summary>
    /// The cluster the text reads as, how sure the model is, and the words that weighed most toward it; the words are looked
    /// up only when the reading differs from the cluster the listing is filed under, the one case where they become a reason.
    /// </summary>
    public TextClassification? Classify(string title, string description, ClusterRef listedIn, IReadOnlyDictionary<string, ClusterRef> clustersByCode)
    {
        ArgumentNullException.ThrowIfNull(listedIn);
        ArgumentNullException.ThrowIfNull(clustersByCode);
        var text = Read(title, description);
        var scores = Scores(text);
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            best = scores[i] > scores[best] ? i : best;
        }

        if (scores.Length == 0 || !clustersByCode.TryGetValue(_labels[best], out var cluster))
        {
            return null;
        }

        if (cluster.Id == listedIn.Id)
        {
            return new TextClassification(cluster, scores[best], [], Version);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Select(w => (Word: w, Weight: _weights.TryGetValue(w, out var byCluster) ? byCluster[best] : 0f))
            .Where(w => w.Weight > 0)
            .OrderByDescending(w => w.Weight)
            .ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(ReasonWords)
            .Select(w => w.Word)
            .ToList();
        return new TextClassification(cluster, scores[best], words, Version);
    }

    /// <summary>The probability of each cluster, in label order, for normalised text.</summary>
    internal float[] Scores(string text)
    {
        // The featurizer drops digits (KeepNumbers = false) and counts each remaining word of the vocabulary.
        var counts = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.Any(char.IsAsciiDigit) ? string.Concat(token.Where(c => !char.IsAsciiDigit(c))) : token;
            if (_weights.TryGetValue(word, out var weights))
            {
                counts[weights] = counts.GetValueOrDefault(weights) + 1;
            }
        }

        var norm = MathF.Sqrt(counts.Values.Sum(c => (float)c * c));
        var logits = (float[])_biases.Clone();
        foreach (var (weights, count) in counts)
        {
            for (var c = 0; c < logits.Length; c++)
            {
                logits[c] += weights[c] * count / norm;
            }
        }

        var max = logits.Length == 0 ? 0 : logits.Max();
        var sum = 0f;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = MathF.Exp(logits[c] - max);
            sum += logits[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] /= sum;
        }

        return logits;
    }

    internal static string Read(string title, string description) => LexiconText.Normalize(title + "\n" + description);

    private static (Dictionary<string, float[]> Weights, float[] Biases) WordWeights(ITransformer transformer, int classes)
    {
        var chain = (IEnumerable<ITransformer>)transformer;
        var predictor = chain.OfType<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>().Single();
        var weights = default(VBuffer<float>[]);
        predictor.Model.GetWeights(ref weights, out _);

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        transformer.GetOutputSchema(SchemaOfText())["Features"].GetSlotNames(ref names);

        var byWord = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var slotNames = names.DenseValues().ToArray();
        for (var slot = 0; slot < slotNames.Length; slot++)
        {
            var perClass = new float[classes];
            for (var c = 0; c < classes && c < weights!.Length; c++)
            {
                perClass[c] = weights[c].GetItemOrDefault(slot);
            }

            byWord[slotNames[slot].ToString()] = perClass;
        }

        return (byWord, [.. predictor.Model.GetBiases()]);
    }

    private static DataViewSchema SchemaOfText() => new MLContext().Data.LoadFromEnumerable(Array.Empty<ListingText>()).Schema;
}
