using BenchmarkDotNet.Attributes;
using Lede.Records;

namespace Lede.Benchmarks;

/// <summary>Reading and writing the five sample records (spec/records), the unit of import and export.</summary>
[MemoryDiagnoser]
public class RecordBenchmarks
{
    private byte[][] _files = [];
    private ArticleRecord[] _records = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = BenchData.SampleRecords().Select(File.ReadAllBytes).ToArray();
        _records = _files.Select(f => RecordReader.Read(f, "sample").Record!).ToArray();
    }

    [Benchmark]
    public int ReadFiveSamples()
    {
        var n = 0;
        foreach (var file in _files)
        {
            n += RecordReader.Read(file, "sample").Record!.Title.Length;
        }

        return n;
    }

    [Benchmark]
    public int WriteFiveSamples()
    {
        var n = 0;
        foreach (var record in _records)
        {
            n += RecordWriter.WriteBytes(record).Length;
        }

        return n;
    }
}
