using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;
using static StripeModelGen.Compiler.Expressions.ExpressionTokenKind;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>
/// Recursive descent with precedence climbing for binary operators. The first error sets
/// <see cref="_failed"/>: nothing more is reported, every loop stops, and each construct that saw the
/// failure returns an <see cref="ErrorExpression"/> (or a node built on one) up to the root.
/// </summary>
internal sealed class RecursiveDescentParser
{
    private const int OrPrecedence = 1;
    private const int AndPrecedence = 2;
    private const int NotPrecedence = 3;
    private const int ComparisonPrecedence = 4;
    private const int ConcatPrecedence = 5;
    private const int AdditivePrecedence = 6;
    private const int MultiplicativePrecedence = 7;

    private readonly YamlScalarSyntax _scalar;
    private readonly ImmutableArray<ExpressionToken> _tokens;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<ExpressionSyntax, int> _heights = new(ReferenceEqualityComparer.Instance);
    private int _index;
    private int _depth;
    private bool _failed;

    public RecursiveDescentParser(YamlScalarSyntax scalar, ImmutableArray<ExpressionToken> tokens, DiagnosticBag diagnostics)
    {
        _scalar = scalar;
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    private ExpressionToken Current => _tokens[_index];

    private ExpressionToken Previous => _tokens[Math.Max(_index - 1, 0)];

    private ExpressionToken Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Length - 1)];

    public ExpressionSyntax ParseRoot()
    {
        if (Current.Kind == EndOfInput)
        {
            var whole = _scalar.GetSourceLocation(0, _scalar.Value.Length);
            Report(DiagnosticCatalog.EmptyExpression, whole);
            return new ErrorExpression(whole);
        }
        var expression = ParseExpression();
        if (_failed || Current.Kind == EndOfInput)
            return expression;
        ReportUnexpected("an operator or the end of the expression");
        return new ErrorExpression(Join(_tokens[0].Location, _tokens[^2].Location));
    }

    private ExpressionSyntax ParseExpression() => ParseBinary(0);

    /// <summary>An operand followed by infix operators that bind tighter than <paramref name="parentPrecedence"/>.</summary>
    private ExpressionSyntax ParseBinary(int parentPrecedence)
    {
        var left = ParsePrefix();
        while (!_failed)
        {
            var precedence = InfixPrecedence(Current.Kind);
            if (precedence <= parentPrecedence)
                break;
            left = ParseInfix(left, precedence);
        }
        return left;
    }

    private static int InfixPrecedence(ExpressionTokenKind kind) => kind switch
    {
        OrKeyword => OrPrecedence,
        AndKeyword => AndPrecedence,
        ExpressionTokenKind.Equals or NotEquals or Less or LessOrEqual or Greater or GreaterOrEqual
            or IsKeyword or InKeyword or BetweenKeyword or LikeKeyword or IlikeKeyword or NotKeyword => ComparisonPrecedence,
        Concat => ConcatPrecedence,
        Plus or Minus => AdditivePrecedence,
        Star or Slash or Percent => MultiplicativePrecedence,
        _ => 0,
    };

    private static BinaryOperator? BinaryOperatorOf(ExpressionTokenKind kind) => kind switch
    {
        OrKeyword => BinaryOperator.Or,
        AndKeyword => BinaryOperator.And,
        ExpressionTokenKind.Equals => BinaryOperator.Equal,
        NotEquals => BinaryOperator.NotEqual,
        Less => BinaryOperator.Less,
        LessOrEqual => BinaryOperator.LessOrEqual,
        Greater => BinaryOperator.Greater,
        GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        Concat => BinaryOperator.Concat,
        Plus => BinaryOperator.Add,
        Minus => BinaryOperator.Subtract,
        Star => BinaryOperator.Multiply,
        Slash => BinaryOperator.Divide,
        Percent => BinaryOperator.Modulo,
        _ => null,
    };

    private ExpressionSyntax ParseInfix(ExpressionSyntax left, int precedence)
    {
        var token = Current;
        if (BinaryOperatorOf(token.Kind) is { } op)
        {
            Next();
            var right = ParseBinary(precedence);
            var node = new BinaryExpression(left, op, token.Location, right, Join(left.Location, right.Location));
            return Track(node, token.Location);
        }
        if (token.Kind == IsKeyword)
            return ParseIsNull(left);
        var negated = token.Kind == NotKeyword;
        if (negated)
        {
            Next();
            if (Current.Kind is not (InKeyword or BetweenKeyword or LikeKeyword or IlikeKeyword))
            {
                ReportUnexpected("`IN`, `BETWEEN`, `LIKE` or `ILIKE` after `NOT`");
                return new ErrorExpression(Join(left.Location, token.Location));
            }
        }
        return Current.Kind switch
        {
            InKeyword => ParseIn(left, negated, token),
            BetweenKeyword => ParseBetween(left, negated, token),
            _ => ParseLike(left, negated, token),
        };
    }

    private ExpressionSyntax ParseIsNull(ExpressionSyntax left)
    {
        var isToken = Next();
        var negated = Accept(NotKeyword);
        if (Expect(NullKeyword, negated ? "`NULL`" : "`NULL` or `NOT NULL`") is null)
            return FailFrom(left.Location);
        return Track(new IsNullExpression(left, negated, Join(left.Location, Previous.Location)), isToken.Location);
    }

    private ExpressionSyntax ParseIn(ExpressionSyntax left, bool negated, ExpressionToken operatorToken)
    {
        Next();
        if (Expect(OpenParen, "`(`") is not { } open)
            return FailFrom(left.Location);
        if (!TryEnter(open, out var tooDeep))
            return tooDeep;
        var values = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        do
        {
            values.Add(ParseExpression());
        }
        while (!_failed && Accept(Comma));
        _depth--;
        if (!_failed)
            Expect(CloseParen, "`,` or `)`");
        if (_failed)
            return FailFrom(left.Location);
        return Track(new InExpression(left, negated, values.ToImmutable(), Join(left.Location, Previous.Location)), operatorToken.Location);
    }

    private ExpressionSyntax ParseBetween(ExpressionSyntax left, bool negated, ExpressionToken operatorToken)
    {
        Next();
        var lower = ParseBinary(ComparisonPrecedence);
        if (!_failed)
            Expect(AndKeyword, "`AND`");
        if (_failed)
            return FailFrom(left.Location);
        var upper = ParseBinary(ComparisonPrecedence);
        if (_failed)
            return FailFrom(left.Location);
        return Track(new BetweenExpression(left, negated, lower, upper, Join(left.Location, upper.Location)), operatorToken.Location);
    }

    private ExpressionSyntax ParseLike(ExpressionSyntax left, bool negated, ExpressionToken operatorToken)
    {
        var like = Next();
        var pattern = ParseBinary(ComparisonPrecedence);
        if (_failed)
            return FailFrom(left.Location);
        var node = new LikeExpression(left, negated, like.Kind == IlikeKeyword, pattern, Join(left.Location, pattern.Location));
        return Track(node, operatorToken.Location);
    }

    private ExpressionSyntax ParsePrefix()
    {
        if (Current.Kind != NotKeyword)
            return ParseUnary();
        var op = Next();
        if (!TryEnter(op, out var tooDeep))
            return tooDeep;
        var operand = ParseBinary(NotPrecedence);
        _depth--;
        return Track(new UnaryExpression(UnaryOperator.Not, op.Location, operand, Join(op.Location, operand.Location)));
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind is not (Plus or Minus))
            return ParsePostfix();
        var op = Next();
        if (!TryEnter(op, out var tooDeep))
            return tooDeep;
        var operand = ParseUnary();
        _depth--;
        var kind = op.Kind == Minus ? UnaryOperator.Negate : UnaryOperator.Plus;
        return Track(new UnaryExpression(kind, op.Location, operand, Join(op.Location, operand.Location)));
    }

    /// <summary>A primary, and a targeted message for the non-portable suffixes <c>::type</c> and <c>.name</c>.</summary>
    private ExpressionSyntax ParsePostfix()
    {
        var primary = ParsePrimary();
        if (_failed)
            return primary;
        string? suggestion;
        switch (Current.Kind)
        {
            case ColonColon:
                suggestion = Peek(1).Kind == Identifier ? $"CAST({ExpressionPrinter.Print(primary)} AS {Peek(1).Text})" : null;
                break;
            case Dot:
                suggestion = QualifiedNameSuggestion(primary);
                break;
            default:
                return primary;
        }
        ReportUnexpected("an operator", suggestion);
        return new ErrorExpression(Join(primary.Location, Current.Location));
    }

    /// <summary><c>${view}.field</c> and <c>view.field</c> are spelled <c>${view.field}</c>.</summary>
    private string? QualifiedNameSuggestion(ExpressionSyntax primary)
    {
        var view = primary switch
        {
            ReferenceExpression { Parts.Length: 1 } reference => reference.Field.Name,
            ColumnExpression { Table: null, IsQuoted: false } column => column.Name,
            _ => null,
        };
        return view is not null && Peek(1).Kind == Identifier ? $"${{{view}.{Peek(1).Text}}}" : null;
    }

    private ExpressionSyntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case Number:
                Next();
                return new LiteralExpression(LiteralKind.Number, token.Text, token.Value, token.Location);
            case ExpressionTokenKind.String:
                Next();
                return new LiteralExpression(LiteralKind.String, token.Text, token.Value, token.Location);
            case TrueKeyword or FalseKeyword:
                Next();
                return new LiteralExpression(LiteralKind.Boolean, token.Text, token.Kind == TrueKeyword, token.Location);
            case NullKeyword:
                Next();
                return new LiteralExpression(LiteralKind.Null, token.Text, null, token.Location);
            case Reference:
                return ParseReference();
            case Identifier when Peek(1).Kind == OpenParen:
                return ParseFunctionCall();
            case Identifier or QuotedIdentifier:
                Next();
                return new ColumnExpression((string)token.Value!, token.Kind == QuotedIdentifier, null, token.Location, token.Location);
            case OpenParen:
                return ParseParenthesized();
            case CaseKeyword:
                return ParseCase();
            case CastKeyword:
                return ParseCast();
            case var kind when ExpressionFacts.IsFunctionLike(kind) && Peek(1).Kind == OpenParen:
                return ParseFunctionCall();
        }
        var suggestion = token.Kind == IntervalKeyword ? "DATE_ADD(unit, n, value)"
            : ExpressionFacts.IsColumnLike(token.Kind) ? $"\"{token.Text}\""
            : null;
        ReportUnexpected("an expression", suggestion);
        return new ErrorExpression(token.Location);
    }

    /// <summary><c>${...}</c>, and <c>${TABLE}.column</c> where any word, reserved or not, can name the column.</summary>
    private ExpressionSyntax ParseReference()
    {
        var token = Next();
        var reference = new ReferenceExpression((ImmutableArray<ReferencePart>)token.Value!, token.Location);
        if (!reference.IsTable || Current.Kind != Dot)
            return reference;
        Next();
        var name = Current;
        if (name.Kind is not (Identifier or QuotedIdentifier) && !name.IsKeyword)
        {
            ReportUnexpected("a column name");
            return FailFrom(token.Location);
        }
        Next();
        var quoted = name.Kind == QuotedIdentifier;
        var column = new ColumnExpression(quoted ? (string)name.Value! : name.Text, quoted, reference, name.Location, Join(token.Location, name.Location));
        return Track(column);
    }

    private ExpressionSyntax ParseParenthesized()
    {
        var open = Next();
        if (!TryEnter(open, out var tooDeep))
            return tooDeep;
        var inner = ParseExpression();
        _depth--;
        if (!_failed)
            Expect(CloseParen, "`)`");
        if (_failed)
            return FailFrom(open.Location);
        return Track(new ParenthesizedExpression(inner, SpanFrom(open)));
    }

    private ExpressionSyntax ParseCase()
    {
        var caseToken = Next();
        if (!TryEnter(caseToken, out var tooDeep))
            return tooDeep;
        var result = ParseCaseBody(caseToken);
        _depth--;
        return result;
    }

    private ExpressionSyntax ParseCaseBody(ExpressionToken caseToken)
    {
        var operand = Current.Kind == WhenKeyword ? null : ParseExpression();
        var clauses = ImmutableArray.CreateBuilder<WhenClause>();
        while (!_failed && Current.Kind == WhenKeyword)
        {
            var when = Next();
            var condition = ParseExpression();
            if (!_failed)
                Expect(ThenKeyword, "`THEN`");
            if (_failed)
                break;
            var result = ParseExpression();
            clauses.Add(new WhenClause(condition, result, Join(when.Location, result.Location)));
        }
        if (!_failed && clauses.Count == 0)
            ReportUnexpected("`WHEN`");
        ExpressionSyntax? elseResult = null;
        if (!_failed && Accept(ElseKeyword))
            elseResult = ParseExpression();
        if (!_failed)
            Expect(EndKeyword, elseResult is null ? "`WHEN`, `ELSE` or `END`" : "`END`");
        if (_failed)
            return FailFrom(caseToken.Location);
        return Track(new CaseExpression(operand, clauses.ToImmutable(), elseResult, SpanFrom(caseToken)));
    }

    private ExpressionSyntax ParseCast()
    {
        var cast = Next();
        if (Expect(OpenParen, "`(`") is not { } open)
            return FailFrom(cast.Location);
        if (!TryEnter(open, out var tooDeep))
            return tooDeep;
        var operand = ParseExpression();
        TypeName? type = null;
        if (!_failed && Expect(AsKeyword, "`AS`") is not null)
            type = ParseTypeName();
        _depth--;
        if (!_failed)
            Expect(CloseParen, "`)`");
        if (_failed || type is null)
            return FailFrom(cast.Location);
        return Track(new CastExpression(operand, type, SpanFrom(cast)));
    }

    private TypeName? ParseTypeName()
    {
        var name = Current;
        if (name.Kind != Identifier)
        {
            ReportUnexpected("a type name");
            return null;
        }
        Next();
        var arguments = ImmutableArray.CreateBuilder<int>(2);
        if (Accept(OpenParen))
        {
            do
            {
                if (Current is not { Kind: Number, Value: decimal value } || value != decimal.Truncate(value) || value is < 0 or > int.MaxValue)
                {
                    ReportUnexpected("a whole number");
                    return null;
                }
                Next();
                arguments.Add((int)value);
            }
            while (arguments.Count < 2 && Accept(Comma));
            if (Expect(CloseParen, arguments.Count < 2 ? "`,` or `)`" : "`)`") is null)
                return null;
        }
        return new TypeName(name.Text, arguments.ToImmutable(), SpanFrom(name));
    }

    private ExpressionSyntax ParseFunctionCall()
    {
        var name = Next();
        var open = Next();
        if (!TryEnter(open, out var tooDeep))
            return tooDeep;
        var call = ParseCallBody(name);
        _depth--;
        return call;
    }

    private ExpressionSyntax ParseCallBody(ExpressionToken name)
    {
        TextLocation? distinct = null;
        var isStar = false;
        var arguments = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        (NullTreatment Kind, TextLocation? Location) nulls = (NullTreatment.None, null);
        if (Accept(Star))
        {
            isStar = true;
        }
        else if (Current.Kind != CloseParen)
        {
            if (Current.Kind == DistinctKeyword)
                distinct = Next().Location;
            do
            {
                arguments.Add(ParseExpression());
            }
            while (!_failed && Accept(Comma));
            if (!_failed && Current.Kind is IgnoreKeyword or RespectKeyword)
                nulls = ParseNullTreatment();
        }
        if (!_failed)
            Expect(CloseParen, isStar || nulls.Location is not null ? "`)`" : "`,` or `)`");
        if (!_failed && nulls.Location is null && Current.Kind is IgnoreKeyword or RespectKeyword)
            nulls = ParseNullTreatment();
        var filter = !_failed && Current.Kind == FilterKeyword ? ParseFilter() : null;
        var window = !_failed && Current.Kind == OverKeyword ? ParseWindow() : null;
        if (_failed)
            return FailFrom(name.Location);
        var call = new FunctionCallExpression(
            name.Text, name.Location, distinct, arguments.ToImmutable(), isStar, nulls.Kind, nulls.Location, filter, window, SpanFrom(name));
        return Track(call);
    }

    private (NullTreatment, TextLocation?) ParseNullTreatment()
    {
        var first = Next();
        if (Expect(NullsKeyword, "`NULLS`") is null)
            return (NullTreatment.None, null);
        return (first.Kind == IgnoreKeyword ? NullTreatment.IgnoreNulls : NullTreatment.RespectNulls, SpanFrom(first));
    }

    private ExpressionSyntax? ParseFilter()
    {
        Next();
        if (Expect(OpenParen, "`(`") is null || Expect(WhereKeyword, "`WHERE`") is null)
            return null;
        var condition = ParseExpression();
        if (!_failed)
            Expect(CloseParen, "`)`");
        return condition;
    }

    private WindowSpec? ParseWindow()
    {
        var over = Next();
        if (Expect(OpenParen, "`(`") is null)
            return null;
        var partition = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var order = ImmutableArray.CreateBuilder<OrderItem>();
        var directionWritten = false;
        if (Accept(PartitionKeyword) && Expect(ByKeyword, "`BY`") is not null)
        {
            do
            {
                partition.Add(ParseExpression());
            }
            while (!_failed && Accept(Comma));
        }
        if (!_failed && Accept(OrderKeyword) && Expect(ByKeyword, "`BY`") is not null)
        {
            do
            {
                (var item, directionWritten) = ParseOrderItem();
                if (item is not null)
                    order.Add(item);
            }
            while (!_failed && Accept(Comma));
        }
        var frame = !_failed && Current.Kind is RowsKeyword or RangeKeyword ? ParseFrame() : null;
        if (!_failed)
            Expect(CloseParen, frame is not null ? "`)`" : WindowContinuations(partition.Count > 0, order.Count > 0, directionWritten, order.Count > 0 && order[^1].Nulls != NullsOrder.Unspecified));
        return _failed ? null : new WindowSpec(partition.ToImmutable(), order.ToImmutable(), frame, SpanFrom(over));
    }

    private static string WindowContinuations(bool hasPartition, bool hasOrder, bool directionWritten, bool nullsWritten)
    {
        var options = new List<string>();
        if (!hasPartition && !hasOrder)
            options.Add("`PARTITION BY`");
        if (hasPartition || hasOrder)
            options.Add("`,`");
        if (hasOrder && !directionWritten && !nullsWritten)
            options.AddRange(["`ASC`", "`DESC`"]);
        if (hasOrder && !nullsWritten)
            options.Add("`NULLS`");
        if (!hasOrder)
            options.Add("`ORDER BY`");
        options.AddRange(["`ROWS`", "`RANGE`", "`)`"]);
        return string.Join(", ", options[..^1]) + " or " + options[^1];
    }

    private (OrderItem? Item, bool DirectionWritten) ParseOrderItem()
    {
        var expression = ParseExpression();
        if (_failed)
            return (null, false);
        var descending = false;
        var directionWritten = true;
        if (Accept(DescKeyword))
            descending = true;
        else if (!Accept(AscKeyword))
            directionWritten = false;
        var nulls = NullsOrder.Unspecified;
        if (Accept(NullsKeyword))
        {
            if (Accept(FirstKeyword))
                nulls = NullsOrder.First;
            else if (Accept(LastKeyword))
                nulls = NullsOrder.Last;
            else
                ReportUnexpected("`FIRST` or `LAST`");
        }
        return (new OrderItem(expression, descending, nulls, Join(expression.Location, Previous.Location)), directionWritten);
    }

    private WindowFrame? ParseFrame()
    {
        var unitToken = Next();
        var unit = unitToken.Kind == RowsKeyword ? FrameUnit.Rows : FrameUnit.Range;
        var between = Accept(BetweenKeyword);
        var start = ParseFrameBound();
        if (start is null)
            return null;
        FrameBound? end = null;
        if (between)
        {
            if (Expect(AndKeyword, "`AND`") is null || (end = ParseFrameBound()) is null)
                return null;
        }
        return new WindowFrame(unit, start, end, SpanFrom(unitToken));
    }

    private FrameBound? ParseFrameBound()
    {
        var first = Current;
        if (Accept(UnboundedKeyword))
        {
            var direction = Current.Kind;
            if (Expect(direction == FollowingKeyword ? FollowingKeyword : PrecedingKeyword, "`PRECEDING` or `FOLLOWING`") is null)
                return null;
            var kind = direction == FollowingKeyword ? FrameBoundKind.UnboundedFollowing : FrameBoundKind.UnboundedPreceding;
            return new FrameBound(kind, null, SpanFrom(first));
        }
        if (Accept(CurrentKeyword))
            return Expect(RowKeyword, "`ROW`") is null ? null : new FrameBound(FrameBoundKind.CurrentRow, null, SpanFrom(first));
        if (Current.Kind is not (Number or OpenParen or Plus or Minus or Identifier or QuotedIdentifier or Reference or CastKeyword))
        {
            ReportUnexpected("`UNBOUNDED`, `CURRENT ROW` or an offset");
            return null;
        }
        var offset = ParseBinary(ComparisonPrecedence);
        if (_failed)
            return null;
        if (Accept(PrecedingKeyword))
            return new FrameBound(FrameBoundKind.Preceding, offset, SpanFrom(first));
        if (Accept(FollowingKeyword))
            return new FrameBound(FrameBoundKind.Following, offset, SpanFrom(first));
        ReportUnexpected("`PRECEDING` or `FOLLOWING`");
        return null;
    }

    private ExpressionToken Next()
    {
        var token = Current;
        if (_index < _tokens.Length - 1)
            _index++;
        return token;
    }

    private bool Accept(ExpressionTokenKind kind)
    {
        if (Current.Kind != kind)
            return false;
        Next();
        return true;
    }

    private ExpressionToken? Expect(ExpressionTokenKind kind, string expected)
    {
        if (Current.Kind == kind)
            return Next();
        ReportUnexpected(expected);
        return null;
    }

    /// <summary>Enters one nesting level; past <see cref="ExpressionParser.MaxDepth"/> (or near the end of the thread's stack) reports SMG1107 at <paramref name="token"/>.</summary>
    private bool TryEnter(ExpressionToken token, [NotNullWhen(false)] out ExpressionSyntax? tooDeep)
    {
        if (_depth < ExpressionParser.MaxDepth && RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth++;
            tooDeep = null;
            return true;
        }
        Report(DiagnosticCatalog.ExpressionTooDeep, token.Location, ExpressionParser.MaxDepth);
        tooDeep = new ErrorExpression(token.Location);
        return false;
    }

    /// <summary>Records the node's height; a node taller than <see cref="ExpressionParser.MaxHeight"/> becomes an error at <paramref name="reportAt"/>.</summary>
    private ExpressionSyntax Track(ExpressionSyntax node, TextLocation? reportAt = null)
    {
        var height = 1;
        foreach (var child in node.Children)
            height = Math.Max(height, (_heights.TryGetValue(child, out var childHeight) ? childHeight : 1) + 1);
        if (height > ExpressionParser.MaxHeight)
        {
            Report(DiagnosticCatalog.ExpressionTooLong, reportAt ?? node.Location, ExpressionParser.MaxHeight);
            return new ErrorExpression(node.Location);
        }
        _heights[node] = height;
        return node;
    }

    private void Report(DiagnosticDescriptor descriptor, TextLocation location, params object?[] args)
    {
        if (_failed)
            return;
        _failed = true;
        _diagnostics.Report(descriptor, location, args);
    }

    /// <summary>SMG1105 at the current token, or the token's own lexical error when it is a bad token.</summary>
    private void ReportUnexpected(string expected, string? suggestion = null)
    {
        if (_failed)
            return;
        _failed = true;
        var token = Current;
        if (token is { Kind: Bad, Error: { } error })
        {
            _diagnostics.Add(error);
            return;
        }
        var descriptor = DiagnosticCatalog.UnexpectedToken;
        _diagnostics.Add(new Diagnostic(descriptor, token.Location, descriptor.Format(expected, Describe(token)), suggestion));
    }

    private static string Describe(ExpressionToken token)
    {
        if (token.Kind == EndOfInput)
            return "the end of the expression";
        var text = token.Text;
        var cut = text.IndexOfAny(['\r', '\n']);
        if (cut >= 0 || text.Length > 40)
            text = text[..Math.Min(cut >= 0 ? cut : text.Length, 37)] + "...";
        return token.IsKeyword ? $"keyword `{text}`" : $"`{text}`";
    }

    private ExpressionSyntax FailFrom(TextLocation start) => new ErrorExpression(Join(start, Previous.Location));

    private TextLocation SpanFrom(ExpressionToken start) => Join(start.Location, Previous.Location);

    private static TextLocation Join(TextLocation first, TextLocation last) =>
        first.Source.GetLocation(TextSpan.FromBounds(first.Span.Start, Math.Max(first.Span.Start, last.Span.End)));
}
