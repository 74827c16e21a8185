using System.Globalization;
using System.Text;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Dialects;

/// <summary>Identifiers, literals and parameters: the only places text from outside reaches the SQL.</summary>
public sealed partial class SqlWriter
{
    /// <summary>A quoted identifier: <c>"name"</c> with the closing quote escaped; names the dialect cannot hold are reported.</summary>
    private string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rules = _dialect.Identifiers;
        string? problem = null;
        if (name.Length == 0)
            problem = "a name cannot be empty";
        else if (name.Contains('\0', StringComparison.Ordinal))
            problem = "it contains the character NUL";
        else if (HasLoneSurrogate(name))
            problem = "it is not valid Unicode (a lone surrogate)";
        else if (rules.LengthOf(name) > rules.MaxLength)
            problem = $"it is longer than {rules.MaxLength.ToString(CultureInfo.InvariantCulture)} {(rules.MaxLengthUnit == LengthUnit.Bytes ? "bytes" : "characters")}, and the engine would silently cut it";
        if (problem is not null)
            Unsupported(DiagnosticCatalog.DialectInvalidIdentifier, Printable(name), _dialect.Name, problem);
        return rules.Open + name.Replace(rules.Close, rules.EscapedClose, StringComparison.Ordinal) + rules.Close;
    }

    private Rendered Literal(SqlLiteral literal) => literal.Kind switch
    {
        SqlLiteralKind.Null => new("NULL", Level.Primary),
        SqlLiteralKind.Boolean => new(literal.Value is true ? _dialect.TrueLiteral : literal.Value is false ? _dialect.FalseLiteral : throw Invalid(literal), Level.Primary),
        SqlLiteralKind.Number => Number(literal),
        SqlLiteralKind.String => new(StringLiteral(literal.Value as string ?? throw Invalid(literal)), Level.Primary),
        SqlLiteralKind.Date => new(_dialect.DateLiteral.Render(_ => DateText(literal)), Level.Primary),
        SqlLiteralKind.Timestamp => new(_dialect.TimestampLiteral.Render(_ => TimestampText(literal)), Level.Primary),
        _ => throw Invalid(literal),
    };

    private static ArgumentException Invalid(SqlLiteral literal) =>
        new($"A {literal.Kind} literal cannot hold {literal.Value?.GetType().Name ?? "null"}", nameof(literal));

    private Rendered Number(SqlLiteral literal)
    {
        string text;
        switch (literal.Value)
        {
            case decimal value:
                text = value.ToString(CultureInfo.InvariantCulture);
                break;
            case double or float:
                var number = Convert.ToDouble(literal.Value, CultureInfo.InvariantCulture);
                if (!double.IsFinite(number))
                {
                    Unsupported(DiagnosticCatalog.DialectInvalidNumber, number.ToString(CultureInfo.InvariantCulture));
                    return new("NULL", Level.Primary);
                }
                text = number.ToString("R", CultureInfo.InvariantCulture);
                break;
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                text = Convert.ToString(literal.Value, CultureInfo.InvariantCulture)!;
                break;
            default:
                throw Invalid(literal);
        }
        return new(text, text.StartsWith('-') ? Level.Unary : Level.Primary);
    }

    /// <summary>
    /// <c>'text'</c> with the quote escaped (and backslashes, where they escape): the value can never end
    /// the literal early. NUL and lone surrogates cannot be stored in text columns, so they are reported.
    /// </summary>
    private string StringLiteral(string value)
    {
        var rules = _dialect.Strings;
        if (value.Contains('\0', StringComparison.Ordinal))
            Unsupported(DiagnosticCatalog.DialectInvalidString, "the character NUL", _dialect.Name);
        else if (HasLoneSurrogate(value))
            Unsupported(DiagnosticCatalog.DialectInvalidString, "a lone surrogate (not valid Unicode)", _dialect.Name);
        var text = rules.EscapeBackslash ? value.Replace("\\", "\\\\", StringComparison.Ordinal) : value;
        return rules.Prefix + rules.Quote + text.Replace(rules.Quote, rules.EscapedQuote, StringComparison.Ordinal) + rules.Quote;
    }

    private static string DateText(SqlLiteral literal) => literal.Value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime when dateTime.TimeOfDay == TimeSpan.Zero => dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw Invalid(literal),
    };

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, with up to six fractional digits when there are any (UTC wall-clock time).</summary>
    private static string TimestampText(SqlLiteral literal)
    {
        var value = literal.Value switch
        {
            DateTime dateTime => dateTime,
            DateTimeOffset offset => offset.UtcDateTime,
            DateOnly date => date.ToDateTime(TimeOnly.MinValue),
            _ => throw Invalid(literal),
        };
        var text = value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        if (fraction / 10 != 0)
            text += "." + (fraction / 10).ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0');
        return text;
    }

    private Rendered Parameter(SqlParameter parameter)
    {
        var name = parameter.Name;
        var valid = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!valid)
            Unsupported(DiagnosticCatalog.DialectInvalidParameter, Printable(name));
        _parameters.Add(name);
        return new(_dialect.Parameter.Render(_ => name), Level.Primary);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }

    /// <summary>A name as a message can show it: control characters and lone surrogates as <c>\uXXXX</c>, long names cut.</summary>
    private static string Printable(string text)
    {
        var shown = text.Length > 80 ? text[..80] : text;
        var builder = new StringBuilder(shown.Length);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]))
            {
                builder.Append(c).Append(shown[++i]);
                continue;
            }
            if (char.IsControl(c) || char.IsSurrogate(c))
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return text.Length > 80 ? builder + "..." : builder.ToString();
    }
}
