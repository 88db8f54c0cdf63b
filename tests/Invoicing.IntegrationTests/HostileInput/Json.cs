using System.Globalization;
using System.Text;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// A JSON value as the fuzzer writes it. Unlike <c>System.Text.Json.Nodes</c> it can hold what a hostile client
/// sends: number literals of any size or shape, strings with lone surrogates (written as <c>\uD800</c> escapes),
/// duplicate member names, and raw text that is not JSON at all.
/// </summary>
internal abstract record J
{
    public abstract void Write(StringBuilder text);

    public string Text()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }
}

/// <summary>A string. <paramref name="EscapeAll"/> writes every non-ASCII character as <c>\uXXXX</c> (astral ones as pairs).</summary>
internal sealed record JString(string Value, bool EscapeAll = false) : J
{
    /// <summary>Whether the value is well-formed UTF-16 (no lone surrogate), i.e. real text a server can store.</summary>
    public bool IsText => IsWellFormed(Value);

    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override void Write(StringBuilder text)
    {
        text.Append('"');
        for (var i = 0; i < Value.Length; i++)
        {
            var c = Value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    var pair = char.IsHighSurrogate(c) && i + 1 < Value.Length && char.IsLowSurrogate(Value[i + 1]);
                    if (c < 0x20 || (char.IsSurrogate(c) && !pair) || (EscapeAll && c > 0x7E))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (pair)
                    {
                        if (EscapeAll)
                        {
                            text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture))
                                .Append("\\u").Append(((int)Value[i + 1]).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c).Append(Value[i + 1]);
                        }

                        i++;
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}

/// <summary>A number literal written as given: <c>9223372036854775808</c>, <c>1e400</c>, <c>-0</c>, <c>1.0</c>.</summary>
internal sealed record JNumber(string Literal) : J
{
    /// <summary>The value when the literal is a JSON integer that fits 64 bits.</summary>
    public long? Integer => long.TryParse(Literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && !Literal.StartsWith('+') ? value : null;

    public override void Write(StringBuilder text) => text.Append(Literal);
}

internal sealed record JBool(bool Value) : J
{
    public override void Write(StringBuilder text) => text.Append(Value ? "true" : "false");
}

internal sealed record JNull : J
{
    public static readonly JNull Instance = new();

    public override void Write(StringBuilder text) => text.Append("null");
}

internal sealed record JArray(IReadOnlyList<J> Items) : J
{
    public override void Write(StringBuilder text)
    {
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Items[i].Write(text);
        }

        text.Append(']');
    }
}

/// <summary>An object; member names may repeat, as a hostile client may send them.</summary>
internal sealed record JObject(IReadOnlyList<KeyValuePair<string, J>> Members) : J
{
    public J? this[string name] => Members.LastOrDefault(m => m.Key == name).Value;

    public bool HasDuplicates => Members.Select(m => m.Key).Distinct(StringComparer.Ordinal).Count() != Members.Count;

    public JObject With(string name, J value) => new([.. Members, new(name, value)]);

    public override void Write(StringBuilder text)
    {
        text.Append('{');
        for (var i = 0; i < Members.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            new JString(Members[i].Key).Write(text);
            text.Append(':');
            Members[i].Value.Write(text);
        }

        text.Append('}');
    }
}

/// <summary>Text written as it is: not JSON, truncated JSON, comments, <c>NaN</c>, nesting 10 000 deep, …</summary>
internal sealed record JRaw(string Raw) : J
{
    public override void Write(StringBuilder text) => text.Append(Raw);
}

/// <summary>
/// An id the request generator cannot know (the server makes ids): item <see cref="Index"/> (modulo its size) of a
/// pool of ids seen so far, resolved when the case runs. Pools: a collection (<c>invoices</c>), <c>live:</c> and a
/// collection for the other environment's ids, <c>parties</c> for the fixed counterparties invoices refer to.
/// </summary>
internal sealed record JRef(string Pool, int Index) : J
{
    public override void Write(StringBuilder text) => throw new InvalidOperationException("Resolve references before writing.");

    /// <summary>The same tree with every reference replaced by the id it resolves to.</summary>
    public static J Resolve(J value, Func<JRef, string> resolve) => value switch
    {
        JRef reference => new JString(resolve(reference)),
        JArray array => new JArray(array.Items.Select(i => Resolve(i, resolve)).ToList()),
        JObject obj => new JObject(obj.Members.Select(m => new KeyValuePair<string, J>(m.Key, Resolve(m.Value, resolve))).ToList()),
        _ => value,
    };
}
