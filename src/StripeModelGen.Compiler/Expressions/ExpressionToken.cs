using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

public enum ExpressionTokenKind
{
    EndOfInput,
    Bad,
    Number,
    String,
    Identifier,
    QuotedIdentifier,
    Reference,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Concat,
    Equals,
    NotEquals,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
    ColonColon,

    SelectKeyword,
    FromKeyword,
    WhereKeyword,
    AndKeyword,
    OrKeyword,
    NotKeyword,
    NullKeyword,
    TrueKeyword,
    FalseKeyword,
    CaseKeyword,
    WhenKeyword,
    ThenKeyword,
    ElseKeyword,
    EndKeyword,
    IsKeyword,
    InKeyword,
    BetweenKeyword,
    LikeKeyword,
    IlikeKeyword,
    CastKeyword,
    AsKeyword,
    OverKeyword,
    PartitionKeyword,
    ByKeyword,
    OrderKeyword,
    AscKeyword,
    DescKeyword,
    NullsKeyword,
    FirstKeyword,
    LastKeyword,
    RowsKeyword,
    RangeKeyword,
    UnboundedKeyword,
    PrecedingKeyword,
    FollowingKeyword,
    CurrentKeyword,
    RowKeyword,
    DistinctKeyword,
    FilterKeyword,
    IgnoreKeyword,
    RespectKeyword,
    IntervalKeyword,
}

/// <summary>
/// A token of an expression. <see cref="ValueSpan"/> is the range in the YAML scalar's value,
/// <see cref="Location"/> the range in the file. <see cref="Value"/> holds the decoded payload: the
/// number (<see cref="decimal"/> or <see cref="double"/>), the unescaped string or quoted name, the
/// identifier text, or the <see cref="ReferencePart"/>s of a reference. A <see cref="ExpressionTokenKind.Bad"/>
/// token carries the <see cref="Error"/> the parser reports if it reaches the token.
/// </summary>
public sealed record ExpressionToken(
    ExpressionTokenKind Kind,
    string Text,
    TextSpan ValueSpan,
    TextLocation Location,
    object? Value = null,
    Diagnostic? Error = null)
{
    public bool IsKeyword => ExpressionFacts.IsKeyword(Kind);

    public override string ToString() => $"{Kind} `{Text}` {ValueSpan}";
}
