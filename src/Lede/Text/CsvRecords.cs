using System.Text;

namespace Lede.Text;

/// <summary>Reads CSV one RFC 4180 record at a time: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class CsvRecords
{
    /// <summary>The next record, or null at the end; <paramref name="line"/> counts the lines read.</summary>
    public static List<string>? Read(TextReader reader, ref int line)
    {
        var text = reader.ReadLine();
        if (text is null)
        {
            return null;
        }

        line++;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; ; i++)
        {
            if (i == text.Length)
            {
                if (quoted && reader.ReadLine() is { } more)
                {
                    line++;
                    field.Append('\n');
                    text = more;
                    i = -1;
                    continue;
                }

                break;
            }

            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
