using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>
/// FTS5's bm25 with the inverse document frequencies given by the caller: the auxiliary function <c>lede_bm25</c>,
/// registered on a connection through SQLite's own C API.
/// </summary>
/// <remarks>
/// FTS5's bm25() counts, once per query, every row that holds each phrase of the query (the filters' tokens and the
/// excluded words included) to compute their IDF: a walk down the whole posting list of a common word, most of a search's
/// time at a million articles. lede_bm25 takes the IDFs as its arguments, one per phrase in the order the MATCH text
/// names them (1.0 when left out), and is otherwise FTS5's bm25 (k1 = 1.2, b = 0.75) with the column weights of
/// migration 005: title 10, excerpt 3, provider 2, topics 2, facets 0. Like bm25 it returns the negated score.
/// </remarks>
internal static unsafe partial class Fts5Rank
{
    /// <summary>The auxiliary function's name.</summary>
    public const string Name = "lede_bm25";

    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int SqliteOk = 0;
    private const int SqliteRow = 100;
    private const string Library = "e_sqlite3";

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Registered = [];
    private static volatile bool _unavailable;

    /// <summary>Registers lede_bm25 on the connection's database handle once; false when this SQLite build cannot take it.</summary>
    /// <remarks>False leaves the caller with FTS5's own bm25: the same order, at the cost this type exists to avoid.</remarks>
    public static bool TryRegister(SqliteConnection connection)
    {
        var handle = connection.Handle;
        if (_unavailable || handle is null || handle.IsInvalid)
        {
            return false;
        }

        if (Registered.TryGetValue(handle, out _))
        {
            return true;
        }

        try
        {
            Register(handle.DangerousGetHandle());
            Registered.AddOrUpdate(handle, Name);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            // Another SQLite provider (no e_sqlite3), or one built without FTS5's API: bm25 it is, for every connection.
            _unavailable = true;
            return false;
        }
    }

    // fts5_api comes from "SELECT fts5(?1)" with a pointer bound to ?1 (the documented way, sqlite.org/fts5.html#extending_fts5).
    private static void Register(IntPtr db)
    {
        IntPtr statement;
        fixed (byte* sql = "SELECT fts5(?1)"u8)
        {
            Check(Prepare(db, sql, -1, &statement, null), "prepare");
        }

        try
        {
            Fts5Api* api = null;
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                Check(BindPointer(statement, 1, &api, type, IntPtr.Zero), "bind");
                if (Step(statement) != SqliteRow || api is null)
                {
                    throw new InvalidOperationException("this SQLite has no fts5_api");
                }
            }

            fixed (byte* name = "lede_bm25\0"u8)
            {
                Check(api->CreateFunction(api, name, null, &Rank, IntPtr.Zero), "create function");
            }
        }
        finally
        {
            _ = Finalize(statement);
        }
    }

    private static void Check(int code, string step)
    {
        if (code != SqliteOk)
        {
            throw new InvalidOperationException($"registering {Name} failed at {step}: SQLite error {code}");
        }
    }

    // Runs inside sqlite3_step: nothing may throw out of here.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rank(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        var phrases = api->PhraseCount(fts);
        Span<double> frequencies = phrases <= 64 ? stackalloc double[phrases] : new double[phrases];
        frequencies.Clear();
        int instances;
        var code = api->InstCount(fts, &instances);
        for (var i = 0; code == SqliteOk && i < instances; i++)
        {
            int phrase, column, offset;
            code = api->Inst(fts, i, &phrase, &column, &offset);
            if (code == SqliteOk && (uint)phrase < (uint)phrases)
            {
                frequencies[phrase] += ColumnWeight(column);
            }
        }

        long rows = 0, tokens = 0;
        int size = 0;
        if (code == SqliteOk)
        {
            code = api->RowCount(fts, &rows);
        }

        if (code == SqliteOk)
        {
            code = api->ColumnTotalSize(fts, -1, &tokens);
        }

        if (code == SqliteOk)
        {
            code = api->ColumnSize(fts, -1, &size);
        }

        if (code != SqliteOk)
        {
            ResultErrorCode(context, code);
            return;
        }

        var average = rows > 0 && tokens > 0 ? (double)tokens / rows : 1.0;
        var score = 0.0;
        for (var i = 0; i < phrases; i++)
        {
            var idf = i < count ? ValueDouble(values[i]) : 1.0;
            score += idf * (frequencies[i] * (K1 + 1.0) / (frequencies[i] + (K1 * (1 - B + (B * size / average)))));
        }

        ResultDouble(context, -score);
    }

    private static double ColumnWeight(int column) => column switch
    {
        0 => 10.0,
        1 => 3.0,
        2 or 3 => 2.0,
        _ => 0.0,
    };

    [LibraryImport(Library, EntryPoint = "sqlite3_prepare_v2")]
    private static partial int Prepare(IntPtr db, byte* sql, int length, IntPtr* statement, byte** tail);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_pointer")]
    private static partial int BindPointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    private static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_finalize")]
    private static partial int Finalize(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_value_double")]
    private static partial double ValueDouble(IntPtr value);

    [LibraryImport(Library, EntryPoint = "sqlite3_result_double")]
    private static partial void ResultDouble(IntPtr context, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_result_error_code")]
    private static partial void ResultErrorCode(IntPtr context, int code);

    /// <summary>The head of SQLite's <c>fts5_api</c>: stable since version 2.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5Api
    {
        public int Version;
        public IntPtr CreateTokenizer;
        public IntPtr FindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5Api*, byte*, void*, delegate* unmanaged[Cdecl]<Fts5ExtensionApi*, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int> CreateFunction;
    }

    /// <summary>The head of SQLite's <c>Fts5ExtensionApi</c>, up to xColumnSize: stable since version 1.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ExtensionApi
    {
        public int Version;
        public IntPtr UserData;
        public IntPtr ColumnCount;
        public delegate* unmanaged[Cdecl]<IntPtr, long*, int> RowCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, long*, int> ColumnTotalSize;
        public IntPtr Tokenize;
        public delegate* unmanaged[Cdecl]<IntPtr, int> PhraseCount;
        public IntPtr PhraseSize;
        public delegate* unmanaged[Cdecl]<IntPtr, int*, int> InstCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int*, int> Inst;
        public IntPtr Rowid;
        public IntPtr ColumnText;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int> ColumnSize;
    }
}
