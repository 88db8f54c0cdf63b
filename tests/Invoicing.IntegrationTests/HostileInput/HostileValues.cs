using System.Globalization;
using System.Text;
using FsCheck;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>What a hostile client puts in a field: wrong types, edge numbers, odd text, SQL and HTML fragments.</summary>
internal static class HostileValues
{
    /// <summary>Text that is awkward on its own: blanks, injections, Unicode corners, NUL and lone surrogates, near-dates, near-UUIDs.</summary>
    public static readonly string[] Fragments =
    [
        "", " ", "   ", "\t\n", "\u00a0", "\u3000", "\u200b", "\ufeff", "\u00ad",
        "'; DROP TABLE invoices; --", "' OR '1'='1", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)--", "%", "_", "\\", "\\'", "$$", "E'\\x00'",
        "' || chr(0) || '", "Robert'); DROP TABLE counterparties;--", "%00", "\\0", "\\u0000",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;&amp;&gt;", "]]>", "<!--", "\"><svg/onload=alert(1)>",
        "{0}", "%s%n%x", "${jndi:ldap://x}", "{{7*7}}", "../../etc/passwd", "..\\..\\", "/", "?", "#", "&", "=", "+", ";", ",",
        "null", "undefined", "NaN", "true", "0", "-1", "1e5", "0x10", "١٢٣", "１２３",
        "😀", "👨‍👩‍👧‍👦", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\U0010FFFF", "\uFFFF", "\uFFFE", "ÅÄÖ", "ǅ", "ß", "İ", "ﬁ", "e\u0301", "\u202eRTL", "مرحبا", "中文",
        "\u2028\u2029", "\r\n", "\u0085", "\u001b[31m", "\u007f",
        "a\u0000b", "\u0000", "\u0000\u0000", "\ud800", "\udfff", "a\udc00b", "x\ud83d", "\ud83d\ud83d",
        "2024-02-30", "2024-02-29", "2023-02-29", "2024-13-01", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "-2024-01-01",
        "2024-1-1", "20240101", " 2024-01-01", "2024-01-01 ", "2024-01-01T00:00:00Z", "２０２４-01-01", "2024/01/01",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "{00000000-0000-0000-0000-000000000000}",
        "019AA8F2-0000-7000-8000-000000000000", "019aa8f200007000800000000000000", "019aa8f2-0000-7000-8000-00000000000g",
        "usd", "USD", "us", "usdd", "€€€", "ü s", "eur", "xxx",
        "a@b.c", "@", "a@b", "a @b.c", "a@b.c\u0000", "\"a\"@b.c", "a@[127.0.0.1]", "ü@ü.ü",
        "https://example.com", "http://localhost", "http://127.0.0.1", "http://[::1]/", "ftp://x", "https://", "https://exa mple.com",
        "https://xn--", "https://ex%00ample.com", "javascript:alert(1)", "http://169.254.169.254/", "https://例え.テスト/パス",
        "https://[fe80::1%25eth0]/", "http://0x7f.1/", "http://2130706433/", "https://example.com:99999/", "https://user:pass@example.com/",
        "*", "invoice.paid", "INVOICE.PAID", "invoice.*", "counterparty.created", "open", "paid", "void", "OPEN",
    ];

    /// <summary>Units repeated to a given length: ASCII, 2-byte, 3-byte, astral (two UTF-16 units each), combining marks.</summary>
    private static readonly string[] Units = ["a", "é", "中", "😀", "e\u0301", " ", "'", "<", "\\", "\""];

    /// <summary>Lengths at and around every limit of the contract (in characters), and 10 000.</summary>
    private static readonly int[] Lengths = [1, 3, 63, 64, 65, 199, 200, 201, 253, 254, 255, 256, 999, 1000, 1001, 2047, 2048, 2049, 10_000];

    /// <summary>Number literals at the edges: 64-bit bounds and one past, 2^63, 2^64, floats, exponents, negative zero, 400 digits.</summary>
    public static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "2", "100000000000", "100000000001", "99999999999", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "1" + new string('0', 400),
        "-" + new string('9', 400), "1.0", "1.5", "-0.0", "0.0", "1e2", "1E2", "1e400", "-1e400", "1e-400", "0.1", "2e0", "123456789012345678901234567890.5",
        "4.9e-324", "1.7976931348623157e308", "20000", "500", "101", "-100000000000",
    ];

    public static Gen<string> Fragment => G.PickFrom(Fragments);

    /// <summary>A unit repeated to a limit's length (a 10 000-character string among them).</summary>
    public static Gen<string> LongText =>
        from unit in G.PickFrom(Units)
        from length in G.PickFrom(Lengths)
        select Repeat(unit, length);

    /// <summary>Random characters from every class: ASCII, controls, BMP, astral, and (rarely) lone surrogates.</summary>
    public static Gen<string> RandomText =>
        from length in G.Freq((6, G.Int(0, 12)), (3, G.Int(13, 80)), (1, G.Int(81, 1200)))
        from seed in G.Seed
        from surrogates in G.Chance(10)
        select RandomString(seed, length, surrogates);

    /// <summary>Any hostile text: fragments, long repetitions, random characters, fragments glued together.</summary>
    public static Gen<string> Text => G.Freq(
        (5, Fragment),
        (2, LongText),
        (3, RandomText),
        (2, from a in Fragment from b in RandomText from c in Fragment select a + b + c));

    public static Gen<J> Number => G.Freq(
        (4, G.PickFrom(Numbers).Select(n => (J)new JNumber(n))),
        (1, G.Long(-1_000_000_000_000, 1_000_000_000_000).Select(n => (J)new JNumber(n.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>A hostile JSON string: well-formed or not, sometimes written with every non-ASCII character escaped.</summary>
    public static Gen<J> String =>
        from text in Text
        from escape in G.Chance(20)
        select (J)new JString(text, escape);

    /// <summary>Any JSON value a field might wrongly get: every type, nested a little.</summary>
    public static Gen<J> Value => Gen.Sized(size => ValueOfDepth(Math.Min(size / 20, 2)));

    private static Gen<J> ValueOfDepth(int depth)
    {
        var scalars = new (int, Gen<J>)[]
        {
            (5, String),
            (4, Number),
            (1, G.Pick(true, false).Select(b => (J)new JBool(b))),
            (2, G.Const<J>(JNull.Instance)),
        };
        if (depth <= 0)
        {
            return G.Freq(scalars);
        }

        var inner = ValueOfDepth(depth - 1);
        return G.Freq([
            .. scalars,
            (1, G.List(G.Int(0, 3), inner).Select(items => (J)new JArray(items))),
            (1, G.List(G.Int(0, 3), from name in G.Freq((3, Fragment), (1, G.Pick("amount_cents", "name", "id", "__proto__", "$ref"))) from value in inner select new KeyValuePair<string, J>(name, value))
                .Select(members => (J)new JObject(members))),
        ]);
    }

    public static string Repeat(string unit, int characters)
    {
        var text = new StringBuilder();
        var runes = unit.EnumerateRunes().Count();
        for (var i = 0; i + runes <= characters; i += runes)
        {
            text.Append(unit);
        }

        return text.ToString();
    }

    public static string RandomString(int seed, int length, bool surrogates)
    {
        var random = new System.Random(seed);
        var text = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                    text.Append((char)random.Next(0x20, 0x7F));
                    break;
                case 3:
                    text.Append((char)random.Next(0, 0x20));
                    break;
                case 4 or 5:
                    text.Append((char)random.Next(0xA0, 0x800));
                    break;
                case 6:
                    text.Append(BmpScalar(random));
                    break;
                case 7 or 8:
                    text.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                    break;
                default:
                    text.Append(surrogates ? (char)random.Next(0xD800, 0xE000) : (char)random.Next(0x2000, 0x2070));
                    break;
            }
        }

        return text.ToString();
    }

    private static char BmpScalar(System.Random random)
    {
        while (true)
        {
            var c = (char)random.Next(0x800, 0x10000);
            if (!char.IsSurrogate(c))
            {
                return c;
            }
        }
    }
}
