using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

/// <summary>
/// Parses and binds one <c>sql:</c> snippet in a scope: resolves references and columns, checks
/// functions, argument types, operators, and where aggregates, measures and windows may appear.
/// Anything built on an error is an error too, and is not reported again.
/// </summary>
internal sealed class ExpressionBinder(DiagnosticBag diagnostics, Func<string, ViewSymbol?> findView, Func<IEnumerable<string>> viewNames, Func<IReadOnlyDictionary<string, ConstantSymbol>> constants)
{
    /// <summary>The reserved view name under which expressions read project constants: <c>${constants.fx_conversion}</c>.</summary>
    public const string ConstantsName = "constants";

    private readonly Func<IReadOnlyDictionary<string, ConstantSymbol>> _constants = constants;
    private readonly DiagnosticBag _diagnostics = diagnostics;
    private readonly Func<string, ViewSymbol?> _findView = findView;
    private readonly Func<IEnumerable<string>> _viewNames = viewNames;

    private static readonly ImmutableDictionary<string, ScalarType> CastTypes = new Dictionary<string, ScalarType>(StringComparer.OrdinalIgnoreCase)
    {
        ["STRING"] = ScalarType.String,
        ["VARCHAR"] = ScalarType.String,
        ["TEXT"] = ScalarType.String,
        ["NUMBER"] = ScalarType.Number,
        ["NUMERIC"] = ScalarType.Number,
        ["DECIMAL"] = ScalarType.Number,
        ["INTEGER"] = ScalarType.Number,
        ["INT"] = ScalarType.Number,
        ["BIGINT"] = ScalarType.Number,
        ["FLOAT"] = ScalarType.Number,
        ["DOUBLE"] = ScalarType.Number,
        ["BOOLEAN"] = ScalarType.Boolean,
        ["DATE"] = ScalarType.Date,
        ["TIMESTAMP"] = ScalarType.Timestamp,
        ["JSON"] = ScalarType.Json,
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    public BoundExpression Bind(YamlScalarSyntax sql, ExpressionScope scope) =>
        new Walk(this, scope).Bind(ExpressionParser.Parse(sql, _diagnostics));

    public static string Describe(ScalarType type) => type switch
    {
        ScalarType.Boolean => "a yes/no value",
        ScalarType.Number => "a number",
        ScalarType.String => "a string",
        ScalarType.Date => "a date",
        ScalarType.Timestamp => "a timestamp",
        ScalarType.Json => "a JSON value",
        ScalarType.DatePart => "a date part",
        ScalarType.Null => "NULL",
        _ => "a value",
    };

    /// <summary>Types whose values compare with each other: dates with timestamps, the rest with themselves.</summary>
    public static ScalarType Category(ScalarType type) => type == ScalarType.Date ? ScalarType.Timestamp : type;

    private static bool IsUnknown(ScalarType type) => type is ScalarType.Error or ScalarType.Any or ScalarType.Null;

    private static bool Comparable(ScalarType a, ScalarType b) => IsUnknown(a) || IsUnknown(b) || Category(a) == Category(b);

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The state of one expression's binding: its scope and whether we are inside an aggregate's arguments.</summary>
    private sealed class Walk(ExpressionBinder binder, ExpressionScope scope)
    {
        private readonly DiagnosticBag _diagnostics = binder._diagnostics;
        private string? _enclosingAggregate;
        private string? _enclosingWindow;

        public BoundExpression Bind(ExpressionSyntax node) => node switch
        {
            LiteralExpression literal => BindLiteral(literal),
            ParenthesizedExpression parenthesized => Bind(parenthesized.Expression),
            ReferenceExpression reference => BindReference(reference),
            ColumnExpression column => BindColumn(column),
            UnaryExpression unary => BindUnary(unary),
            BinaryExpression binary => BindBinary(binary),
            IsNullExpression isNull => Propagate(new BoundIsNull(Bind(isNull.Operand), isNull.IsNegated, node.Location)),
            InExpression @in => BindIn(@in),
            BetweenExpression between => BindBetween(between),
            LikeExpression like => BindLike(like),
            CaseExpression @case => BindCase(@case),
            CastExpression cast => BindCast(cast),
            FunctionCallExpression call => BindCall(call),
            _ => new BoundError(node.Location),
        };

        private static BoundExpression BindLiteral(LiteralExpression literal)
        {
            var type = literal.Kind switch
            {
                LiteralKind.Number => ScalarType.Number,
                LiteralKind.String => ScalarType.String,
                LiteralKind.Boolean => ScalarType.Boolean,
                _ => ScalarType.Null,
            };
            return new BoundLiteral(literal.Value, type, literal.Location);
        }

        /// <summary>A node whose operand failed is itself an error, so nothing reports about it again.</summary>
        private static BoundExpression Propagate(BoundExpression node) =>
            node.Children.Any(c => c is BoundError) ? new BoundError(node.Location) : node;

        private BoundExpression BindReference(ReferenceExpression reference)
        {
            if (reference.IsTable)
            {
                var descriptor = scope.View is null ? DiagnosticCatalog.TableReferenceOutsideView : DiagnosticCatalog.TableNeedsColumn;
                _diagnostics.Report(descriptor, reference.Location);
                return new BoundError(reference.Location);
            }
            if (reference.View?.Name == ConstantsName)
                return BindConstant(reference);
            if (reference.View is { } split && scope.Aliases?.Splits.Contains(split.Name) == true)
                return BindSplitValue(reference);
            var field = scope.Aliases is not null && (scope.View is null || reference.View is not null) ? ResolveQualified(reference) : ResolveInView(reference);
            return field is null ? new BoundError(reference.Location) : CheckFieldUse(field, reference.Location);
        }

        /// <summary><c>${alias.value}</c> of a split join: the only field a split join has.</summary>
        private BoundExpression BindSplitValue(ReferenceExpression reference)
        {
            if (reference.Field.Name == "value")
                return new BoundSplitValue(reference.View!.Name, reference.Location);
            _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownField, reference.Field.Location, reference.Field.Name, ["value"], reference.Field.Name, reference.View!.Name);
            return new BoundError(reference.Location);
        }

        /// <summary>A project constant (after <c>--const</c> overrides) is a string literal of the expression.</summary>
        private BoundExpression BindConstant(ReferenceExpression reference)
        {
            var constants = binder._constants();
            if (constants.TryGetValue(reference.Field.Name, out var constant))
                return new BoundLiteral(constant.Value, ScalarType.String, reference.Location);
            _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownProjectConstant, reference.Field.Location, reference.Field.Name, constants.Keys, reference.Field.Name);
            return new BoundError(reference.Location);
        }

        private FieldReference? ResolveInView(ReferenceExpression reference)
        {
            var view = scope.View!;
            if (reference.View is { } viewPart)
            {
                view = binder._findView(viewPart.Name)!;
                if (view is null)
                {
                    _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, viewPart.Location, viewPart.Name, binder._viewNames(), viewPart.Name);
                    return null;
                }
            }
            return FieldNameResolver.Resolve(view, reference.Field.Name, reference.Field.Location, view.Name, _diagnostics);
        }

        /// <summary>A reference qualified by a name of the scope's alias set (an explore's views, a derived view's sources).</summary>
        private FieldReference? ResolveQualified(ReferenceExpression reference)
        {
            var aliases = scope.Aliases!;
            if (reference.View is not { } aliasPart)
            {
                _diagnostics.Report(DiagnosticCatalog.UnqualifiedReferenceOutsideView, reference.Location, reference.Field.Name);
                return null;
            }
            if (aliases.Views.TryGetValue(aliasPart.Name, out var view))
                return FieldNameResolver.Resolve(view, reference.Field.Name, reference.Field.Location, aliasPart.Name, _diagnostics);
            if (binder._findView(aliasPart.Name) is not null)
                _diagnostics.Report(DiagnosticCatalog.ViewNotInExplore, aliasPart.Location, aliasPart.Name, aliases.Owner);
            else
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, aliasPart.Location, aliasPart.Name, aliases.Views.Keys, aliasPart.Name);
            return null;
        }

        private BoundExpression CheckFieldUse(FieldReference field, TextLocation location)
        {
            var owner = Capitalized(scope.Owner);
            switch (scope.Context, field.Field.IsMeasure)
            {
                case (ExpressionContext.Dimension, true):
                    _diagnostics.Report(DiagnosticCatalog.ReferenceToMeasureInDimension, location, owner, field.Name);
                    return new BoundError(location);
                case (ExpressionContext.AggregatedValue, true):
                    _diagnostics.Report(DiagnosticCatalog.NestedAggregate, location, field.Name, $"{scope.Owner}, which already aggregates");
                    return new BoundError(location);
                case (ExpressionContext.JoinCondition or ExpressionContext.RowFilter, true):
                    _diagnostics.Report(DiagnosticCatalog.MeasureInRowContext, location, Capitalized(scope.Describe()), field.Name);
                    return new BoundError(location);
                case (ExpressionContext.MeasureFormula, false):
                    _diagnostics.Report(DiagnosticCatalog.NumberMeasureReferencesDimension, location, owner, field.Name);
                    return new BoundError(location);
                default:
                    return new BoundFieldExpression(field, location);
            }
        }

        private BoundExpression BindColumn(ColumnExpression column)
        {
            if (scope.View is null || scope.View.Derived is not null)
            {
                if (scope.View is not null)
                    _diagnostics.Report(DiagnosticCatalog.ColumnInDerivedView, column.Location, column.Name, scope.View.Name);
                else if (column.Table is { } table)
                    _diagnostics.Report(DiagnosticCatalog.TableReferenceOutsideView, table.Location);
                else
                    _diagnostics.Report(DiagnosticCatalog.ColumnOutsideView, column.Location, column.Name);
                return new BoundError(column.Location);
            }
            if (scope.Context == ExpressionContext.MeasureFormula)
            {
                _diagnostics.Report(DiagnosticCatalog.NumberMeasureReferencesDimension, column.Location, Capitalized(scope.Owner), column.Name);
                return new BoundError(column.Location);
            }
            return new BoundColumn(scope.View, column.Name, column.Location);
        }

        private BoundExpression BindUnary(UnaryExpression unary)
        {
            var operand = Bind(unary.Operand);
            if (operand is BoundError)
                return new BoundError(unary.Location);
            var expected = unary.Operator == UnaryOperator.Not ? ParameterKind.Boolean : ParameterKind.Number;
            if (!FunctionSymbol.Accepts(expected, operand.Type))
            {
                var text = unary.Operator switch { UnaryOperator.Not => "NOT", UnaryOperator.Negate => "-", _ => "+" };
                _diagnostics.Report(DiagnosticCatalog.TypeMismatch, operand.Location, $"The operand of `{text}`", FunctionSymbol.Describe(expected), Describe(operand.Type));
                return new BoundError(unary.Location);
            }
            var type = unary.Operator == UnaryOperator.Not ? ScalarType.Boolean : ScalarType.Number;
            return new BoundUnary(unary.Operator, operand, type, unary.Location);
        }

        private BoundExpression BindBinary(BinaryExpression binary)
        {
            var left = Bind(binary.Left);
            var right = Bind(binary.Right);
            if (left is BoundError || right is BoundError)
                return new BoundError(binary.Location);
            var op = binary.Operator;
            var (ok, type) = op switch
            {
                _ when op.IsArithmetic() => (FunctionSymbol.Accepts(ParameterKind.Number, left.Type) && FunctionSymbol.Accepts(ParameterKind.Number, right.Type), ScalarType.Number),
                _ when op.IsComparison() => (Comparable(left.Type, right.Type), ScalarType.Boolean),
                _ when op.IsLogical() => (FunctionSymbol.Accepts(ParameterKind.Boolean, left.Type) && FunctionSymbol.Accepts(ParameterKind.Boolean, right.Type), ScalarType.Boolean),
                _ => (true, ScalarType.String),
            };
            if (!ok)
            {
                _diagnostics.Report(DiagnosticCatalog.OperatorTypeMismatch, binary.OperatorLocation, op.ToText(), Describe(left.Type), Describe(right.Type));
                return new BoundError(binary.Location);
            }
            if (op is BinaryOperator.Equal or BinaryOperator.NotEqual && left is BoundLiteral { Value: string a } && right is BoundLiteral { Value: string b })
                return new BoundLiteral(string.Equals(a, b, StringComparison.Ordinal) == (op == BinaryOperator.Equal), ScalarType.Boolean, binary.Location);
            return new BoundBinary(op, left, right, type, binary.Location);
        }

        private BoundExpression BindIn(InExpression @in)
        {
            var operand = Bind(@in.Operand);
            var values = @in.Values.Select(Bind).ToImmutableArray();
            if (operand is BoundError || values.Any(v => v is BoundError))
                return new BoundError(@in.Location);
            foreach (var value in values)
            {
                if (!Comparable(operand.Type, value.Type))
                {
                    _diagnostics.Report(DiagnosticCatalog.OperatorTypeMismatch, value.Location, "IN", Describe(operand.Type), Describe(value.Type));
                    return new BoundError(@in.Location);
                }
            }
            return new BoundIn(operand, values, @in.IsNegated, @in.Location);
        }

        private BoundExpression BindBetween(BetweenExpression between)
        {
            var operand = Bind(between.Operand);
            var low = Bind(between.Lower);
            var high = Bind(between.Upper);
            if (operand is BoundError || low is BoundError || high is BoundError)
                return new BoundError(between.Location);
            foreach (var bound in new[] { low, high })
            {
                if (!Comparable(operand.Type, bound.Type))
                {
                    _diagnostics.Report(DiagnosticCatalog.OperatorTypeMismatch, bound.Location, "BETWEEN", Describe(operand.Type), Describe(bound.Type));
                    return new BoundError(between.Location);
                }
            }
            return new BoundBetween(operand, low, high, between.IsNegated, between.Location);
        }

        private BoundExpression BindLike(LikeExpression like)
        {
            var operand = Bind(like.Operand);
            var pattern = Bind(like.Pattern);
            if (operand is BoundError || pattern is BoundError)
                return new BoundError(like.Location);
            foreach (var side in new[] { operand, pattern })
            {
                if (!FunctionSymbol.Accepts(ParameterKind.String, side.Type))
                {
                    _diagnostics.Report(DiagnosticCatalog.TypeMismatch, side.Location, $"An operand of `{(like.IsCaseInsensitive ? "ILIKE" : "LIKE")}`", "a string", Describe(side.Type));
                    return new BoundError(like.Location);
                }
            }
            return new BoundLike(operand, pattern, like.IsCaseInsensitive, like.IsNegated, like.Location);
        }

        private BoundExpression BindCase(CaseExpression @case)
        {
            var operand = @case.Operand is null ? null : Bind(@case.Operand);
            var failed = operand is BoundError;
            var whens = ImmutableArray.CreateBuilder<BoundWhen>();
            foreach (var clause in @case.WhenClauses)
            {
                var condition = Bind(clause.Condition);
                var result = Bind(clause.Result);
                failed |= condition is BoundError || result is BoundError;
                if (failed)
                    continue;
                if (operand is not null)
                {
                    if (!Comparable(operand.Type, condition.Type))
                    {
                        _diagnostics.Report(DiagnosticCatalog.OperatorTypeMismatch, condition.Location, "CASE ... WHEN", Describe(operand.Type), Describe(condition.Type));
                        failed = true;
                        continue;
                    }
                    condition = new BoundBinary(BinaryOperator.Equal, operand, condition, ScalarType.Boolean, condition.Location);
                }
                else if (!FunctionSymbol.Accepts(ParameterKind.Boolean, condition.Type))
                {
                    _diagnostics.Report(DiagnosticCatalog.ConditionNotBoolean, condition.Location, "A `WHEN` condition", Describe(condition.Type));
                    failed = true;
                    continue;
                }
                whens.Add(new BoundWhen(condition, result));
            }
            var @else = @case.Else is null ? null : Bind(@case.Else);
            if (failed || @else is BoundError)
                return new BoundError(@case.Location);
            var results = whens.Select(w => w.Result).Concat(@else is null ? [] : [@else]).ToList();
            var type = FunctionCatalog.CommonType(results.Select(r => r.Type));
            foreach (var result in results)
            {
                if (!Comparable(type, result.Type))
                {
                    _diagnostics.Report(DiagnosticCatalog.TypeMismatch, result.Location, "Every result of `CASE`", Describe(type), Describe(result.Type));
                    return new BoundError(@case.Location);
                }
            }
            return Fold(new BoundCase(whens.ToImmutable(), @else, type, @case.Location));
        }

        /// <summary>Drops branches whose condition is a constant (a comparison of project constants): the SQL keeps only the chosen one.</summary>
        private static BoundExpression Fold(BoundCase @case)
        {
            var whens = @case.Whens.Where(w => w.Condition is not BoundLiteral { Value: false }).ToImmutableArray();
            if (whens.FirstOrDefault() is { Condition: BoundLiteral { Value: true } } chosen)
                return chosen.Result;
            if (whens.IsEmpty)
                return @case.Else ?? new BoundLiteral(null, ScalarType.Null, @case.Location);
            return @case with { Whens = whens };
        }

        private BoundExpression BindCast(CastExpression cast)
        {
            var operand = Bind(cast.Operand);
            if (!CastTypes.TryGetValue(cast.Type.Name, out var type))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.CastTypeUnknown, cast.Type.Location, cast.Type.Name, CastTypes.Keys.Order(StringComparer.Ordinal), cast.Type.Name, string.Join(", ", CastTypes.Keys.Order(StringComparer.Ordinal)));
                return new BoundError(cast.Location);
            }
            return operand is BoundError ? new BoundError(cast.Location) : new BoundCast(operand, type, cast.Location);
        }

        private BoundExpression BindCall(FunctionCallExpression call)
        {
            if (FunctionCatalog.Find(call.Name) is not { } function)
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownFunction, call.NameLocation, call.Name, FunctionCatalog.Names, call.Name);
                return new BoundError(call.Location);
            }
            if (!CheckCallShape(call, function))
                return new BoundError(call.Location);

            var (outer, outerWindow) = (_enclosingAggregate, _enclosingWindow);
            if (function.IsAggregate && call.Window is null)
                _enclosingAggregate = function.Name;
            if (call.Window is not null)
                _enclosingWindow = function.Name;
            var arguments = ImmutableArray.CreateBuilder<BoundExpression>();
            var failed = false;
            for (var i = 0; i < call.Arguments.Length; i++)
            {
                var argument = BindArgument(function, i, call.Arguments[i]);
                failed |= argument is BoundError;
                arguments.Add(argument);
            }
            var filter = call.Filter is null ? null : BindCondition(call.Filter, "The `FILTER` condition");
            var window = call.Window is null ? null : BindWindow(call.Window);
            (_enclosingAggregate, _enclosingWindow) = (outer, outerWindow);
            if (failed || filter is BoundError || window is null && call.Window is not null)
                return new BoundError(call.Location);
            var type = function.ReturnType([.. arguments.Select(a => a.Type)]);
            return new BoundFunctionCall(function, arguments.ToImmutable(), call.IsDistinct, call.IsStar, call.NullTreatment, filter, window, type, call.Location);
        }

        /// <summary>Arity, DISTINCT, FILTER, null treatment, and where aggregates and windows may appear.</summary>
        private bool CheckCallShape(FunctionCallExpression call, FunctionSymbol function)
        {
            var count = call.IsStar ? 1 : call.Arguments.Length;
            if (call.IsStar && !function.AllowsStar)
            {
                _diagnostics.Report(DiagnosticCatalog.WrongArgumentType, call.Location, 1, function.Name, FunctionSymbol.Describe(function.ParameterAt(0)), "`*`");
                return false;
            }
            if (count < function.MinArguments || count > (function.MaxArguments ?? int.MaxValue))
            {
                _diagnostics.Report(DiagnosticCatalog.WrongArgumentCount, call.Location, function.Name, function.ArityText, count);
                return false;
            }
            if (call.DistinctLocation is { } distinct && !function.IsAggregate)
            {
                _diagnostics.Report(DiagnosticCatalog.DistinctNotAllowed, distinct, "DISTINCT", function.Name);
                return false;
            }
            if (call.Filter is { } filter && !function.IsAggregate)
            {
                _diagnostics.Report(DiagnosticCatalog.DistinctNotAllowed, filter.Location, "FILTER", function.Name);
                return false;
            }
            if (call.NullTreatmentLocation is { } nulls && !function.AllowsNullTreatment)
            {
                _diagnostics.Report(DiagnosticCatalog.IgnoreNullsNotAllowed, nulls, function.Name);
                return false;
            }
            if (call.Window is null)
                return function.Kind == FunctionKind.Window ? Fail(DiagnosticCatalog.WindowFunctionNeedsOver, call.NameLocation, function.Name) : CheckAggregatePlacement(call, function);
            if (function.Kind == FunctionKind.Scalar)
                return Fail(DiagnosticCatalog.NotAWindowFunction, call.Window.Location, function.Name);
            if (scope.Context != ExpressionContext.Dimension)
                return Fail(DiagnosticCatalog.WindowNotAllowed, call.Window.Location, function.Name, scope.Describe());
            if (_enclosingAggregate is { } enclosing)
                return Fail(DiagnosticCatalog.NestedAggregate, call.NameLocation, function.Name, $"`{enclosing}`");
            if (_enclosingWindow is { } window)
                return Fail(DiagnosticCatalog.WindowInWindow, call.NameLocation, function.Name, window);
            return true;
        }

        private bool CheckAggregatePlacement(FunctionCallExpression call, FunctionSymbol function)
        {
            if (!function.IsAggregate)
                return true;
            if (_enclosingAggregate is { } enclosing)
                return Fail(DiagnosticCatalog.NestedAggregate, call.NameLocation, function.Name, $"`{enclosing}`");
            return scope.Context switch
            {
                ExpressionContext.Dimension when scope.AllowsAggregates => true,
                ExpressionContext.Dimension => Fail(DiagnosticCatalog.AggregateInDimension, call.NameLocation, Capitalized(scope.Owner), function.Name),
                ExpressionContext.AggregatedValue => Fail(DiagnosticCatalog.NestedAggregate, call.NameLocation, function.Name, $"{scope.Owner}, which already aggregates"),
                ExpressionContext.MeasureFormula => Fail(DiagnosticCatalog.NestedAggregate, call.NameLocation, function.Name, $"{scope.Owner}, whose `type: number` combines measures (define the aggregate as a measure)"),
                _ => Fail(DiagnosticCatalog.AggregateInWhere, call.NameLocation, Capitalized(scope.Describe()), function.Name),
            };
        }

        private bool Fail(DiagnosticDescriptor descriptor, TextLocation location, params object?[] args)
        {
            _diagnostics.Report(descriptor, location, args);
            return false;
        }

        private BoundExpression BindArgument(FunctionSymbol function, int index, ExpressionSyntax syntax)
        {
            var kind = function.ParameterAt(index);
            if (kind == ParameterKind.DatePart)
                return BindDatePart(function, index, syntax);
            var argument = Bind(syntax);
            if (argument is BoundError || FunctionSymbol.Accepts(kind, argument.Type))
                return argument;
            _diagnostics.Report(DiagnosticCatalog.WrongArgumentType, argument.Location, index + 1, function.Name, FunctionSymbol.Describe(kind), Describe(argument.Type));
            return new BoundError(argument.Location);
        }

        private BoundExpression BindDatePart(FunctionSymbol function, int index, ExpressionSyntax syntax)
        {
            var text = syntax switch
            {
                ColumnExpression { Table: null, IsQuoted: false } column => column.Name,
                LiteralExpression { Kind: LiteralKind.String, Value: string value } => value,
                _ => null,
            };
            if (text is not null && Enum.TryParse<DatePart>(text, ignoreCase: true, out var part) && !int.TryParse(text, out _))
                return new BoundDatePart(part, syntax.Location);
            if (syntax is ErrorExpression)
                return new BoundError(syntax.Location);
            _diagnostics.Report(DiagnosticCatalog.WrongArgumentType, syntax.Location, index + 1, function.Name, FunctionSymbol.Describe(ParameterKind.DatePart), text is null ? "an expression" : $"`{text}`");
            return new BoundError(syntax.Location);
        }

        private BoundExpression BindCondition(ExpressionSyntax syntax, string what)
        {
            var condition = Bind(syntax);
            if (condition is BoundError || FunctionSymbol.Accepts(ParameterKind.Boolean, condition.Type))
                return condition;
            _diagnostics.Report(DiagnosticCatalog.ConditionNotBoolean, condition.Location, what, Describe(condition.Type));
            return new BoundError(condition.Location);
        }

        private BoundWindow? BindWindow(WindowSpec window)
        {
            var partitions = window.PartitionBy.Select(Bind).ToImmutableArray();
            var order = window.OrderBy
                .Select(o => new BoundOrderItem(Bind(o.Expression), o.IsDescending, o.Nulls switch { NullsOrder.First => true, NullsOrder.Last => false, _ => null }))
                .ToImmutableArray();
            BoundFrame? frame = null;
            if (window.Frame is { } syntax)
            {
                var start = BindFrameBound(syntax.Start);
                var end = syntax.End is null ? new BoundFrameBound(FrameBoundKind.CurrentRow) : BindFrameBound(syntax.End);
                if (start is null || end is null)
                    return null;
                frame = new BoundFrame(syntax.Unit, start, end);
            }
            if (partitions.Any(p => p is BoundError) || order.Any(o => o.Expression is BoundError))
                return null;
            return new BoundWindow(partitions, order, frame);
        }

        private BoundFrameBound? BindFrameBound(FrameBound bound)
        {
            if (bound.Offset is null)
                return new BoundFrameBound(bound.Kind);
            if (bound.Offset is LiteralExpression { Value: decimal value } && value >= 0 && value == decimal.Truncate(value) && value <= int.MaxValue)
                return new BoundFrameBound(bound.Kind, (int)value);
            if (bound.Offset is not ErrorExpression)
                _diagnostics.Report(DiagnosticCatalog.TypeMismatch, bound.Offset.Location, "A window frame offset", "a whole number literal", "an expression");
            return null;
        }
    }
}
