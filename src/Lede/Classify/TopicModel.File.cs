using System.IO.Compression;
using System.Text;

namespace Lede.Classify;

public sealed partial class TopicModel
{
    private const string Magic = "LEDE-TOPIC-MODEL";
    private const int Version = 1;

    /// <summary>Writes the model: a gzip stream holding a magic string, a version and the binary model.</summary>
    public void Save(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(zip, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write((int)Learner);
        w.Write(Labels.Count);
        foreach (var label in Labels)
        {
            w.Write(label);
        }

        w.Write(_vectorizer.Terms.Count);
        for (var j = 0; j < _vectorizer.Terms.Count; j++)
        {
            w.Write(_vectorizer.Terms[j]);
            w.Write(_vectorizer.Idf[j]);
        }

        for (var c = 0; c < Labels.Count; c++)
        {
            w.Write(_bias[c]);
            w.Write(_plattA[c]);
            w.Write(_plattB[c]);
            w.Write(_thresholds[c]);
            foreach (var weight in _weights[c])
            {
                w.Write(weight);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a Lede topic model of a version this build reads.</exception>
    public static TopicModel Load(Stream stream)
    {
        try
        {
            using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(zip, Encoding.UTF8, leaveOpen: true);
            if (r.ReadString() != Magic)
            {
                throw new InvalidDataException("not a Lede topic model");
            }

            var version = r.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"topic model version {version} is not supported (this build reads version {Version})");
            }

            var learner = (TopicLearner)r.ReadInt32();
            var labels = new string[Count(r.ReadInt32())];
            for (var c = 0; c < labels.Length; c++)
            {
                labels[c] = r.ReadString();
            }

            var terms = new string[Count(r.ReadInt32())];
            var idf = new float[terms.Length];
            for (var j = 0; j < terms.Length; j++)
            {
                terms[j] = r.ReadString();
                idf[j] = r.ReadSingle();
            }

            var weights = new float[labels.Length][];
            var bias = new float[labels.Length];
            double[] a = new double[labels.Length], b = new double[labels.Length], thresholds = new double[labels.Length];
            for (var c = 0; c < labels.Length; c++)
            {
                bias[c] = r.ReadSingle();
                a[c] = r.ReadDouble();
                b[c] = r.ReadDouble();
                thresholds[c] = r.ReadDouble();
                weights[c] = new float[terms.Length];
                for (var j = 0; j < terms.Length; j++)
                {
                    weights[c][j] = r.ReadSingle();
                }
            }

            return new TopicModel(learner, labels, new TfIdfVectorizer(terms, idf), weights, bias, a, b, thresholds);
        }
        catch (Exception e) when (e is EndOfStreamException or DecoderFallbackException or OverflowException)
        {
            throw new InvalidDataException($"not a readable Lede topic model: {e.Message}", e);
        }
    }

    private static int Count(int n) => n is >= 0 and <= 50_000_000 ? n : throw new InvalidDataException($"corrupt topic model (count {n})");
}
