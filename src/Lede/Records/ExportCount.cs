namespace Lede.Records;

/// <summary>What an export wrote: the records, and the copies it left out.</summary>
/// <param name="Written">Record files written.</param>
/// <param name="CopiesLeftOut">Stored copies of other articles (syndicated or reposted text) not written: the archive shows each story once, through its original.</param>
public sealed record ExportCount(int Written, int CopiesLeftOut)
{
    /// <summary>One line for the operator: <c>exported 70 records to out (2 copies of other articles left out: …)</c>.</summary>
    public string Describe(string folder)
        => CopiesLeftOut == 0
            ? $"exported {Written} records to {folder}"
            : $"exported {Written} records to {folder} ({CopiesLeftOut} {(CopiesLeftOut == 1 ? "copy" : "copies")} of other articles left out: the archive shows each story once)";
}
