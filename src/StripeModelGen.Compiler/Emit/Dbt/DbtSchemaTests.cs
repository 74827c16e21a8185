using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Emit.Dbt;

/// <summary>
/// The data tests of the view models' columns, from what the model declares: <c>unique</c> and
/// <c>not_null</c> on primary keys; <c>relationships</c> from the "many" side's key to the "one" side's
/// primary key of every many-to-one join (and one-to-many join, read the other way) of every explore whose
/// <c>sql_on</c> is one equality of two plain dimensions both shown by their views; <c>accepted_values</c>
/// on dimensions that list their <c>values</c>. Relationships warn instead of failing the build: a join
/// says a row has at most one match, not that it has one, and Stripe exports are not referentially
/// complete (tables sync at different times, deleted objects linger, and some ids point at several kinds
/// of object, such as a payout's destination: a bank account, a card or a connected account).
/// </summary>
internal sealed class DbtSchemaTests
{
    private readonly Dictionary<(ViewSymbol View, string Column), List<DbtColumnTest>> _tests = [];

    public ImmutableArray<DbtColumnTest> Of(ViewSymbol view, string column) =>
        _tests.TryGetValue((view, column), out var tests) ? [.. tests] : [];

    /// <param name="views">The views that have models.</param>
    /// <param name="models">The model of each view.</param>
    public static DbtSchemaTests For(BoundModel model, ImmutableArray<ViewSymbol> views, IReadOnlyDictionary<ViewSymbol, string> models)
    {
        var tests = new DbtSchemaTests();
        foreach (var view in views)
        {
            var shown = SqlLowerer.ViewColumns(view).ToHashSet();
            if (view.PrimaryKey is { } key && shown.Contains(key))
            {
                tests.Add(view, key.Name, new DbtColumnTest(DbtColumnTest.Unique));
                tests.Add(view, key.Name, new DbtColumnTest(DbtColumnTest.NotNull));
            }
            foreach (var dimension in view.Dimensions.Where(d => !d.AllowedValues.IsEmpty && shown.Contains(d) && d.Type is DimensionType.String or DimensionType.Number))
                tests.Add(view, dimension.Name, new DbtColumnTest(DbtColumnTest.AcceptedValues, Values: dimension.AllowedValues, Quote: dimension.Type == DimensionType.String));
        }
        var relationships = new SortedSet<(string ChildModel, string Column, string ParentModel, string Field)>();
        foreach (var explore in model.Explores)
        {
            foreach (var join in explore.Joins)
            {
                if (ForeignKey(explore, join) is not var (child, column, parent, field)
                    || !models.TryGetValue(child, out var childModel) || !models.TryGetValue(parent, out var parentModel)
                    || !relationships.Add((childModel, column.Name, parentModel, field.Name)))
                    continue;
                tests.Add(child, column.Name, new DbtColumnTest(DbtColumnTest.Relationships, To: parentModel, Field: field.Name, Severity: "warn"));
            }
        }
        return tests;
    }

    /// <summary>The "many" side's column and the "one" side's primary key a join's condition equates, or null.</summary>
    private static (ViewSymbol Child, DimensionSymbol Column, ViewSymbol Parent, DimensionSymbol Field)? ForeignKey(ExploreSymbol explore, JoinSymbol join)
    {
        if (join.Relationship is not (Relationship.ManyToOne or Relationship.OneToMany)
            || join.SqlOn is not BoundBinary { Operator: BinaryOperator.Equal, Left: BoundFieldExpression left, Right: BoundFieldExpression right })
            return null;
        var (joined, other) = left.Reference.Alias == join.Name ? (left.Reference, right.Reference) : (right.Reference, left.Reference);
        if (joined.Alias != join.Name || other.Alias == join.Name || explore.ViewOf(other.Alias) is not { } otherView)
            return null;
        var (childView, childField, parentView, parentField) = join.Relationship == Relationship.ManyToOne
            ? (otherView, other, join.View, joined)
            : (join.View, joined, otherView, other);
        if (parentField.Field != parentView.PrimaryKey || !IsPlainColumn(childField, childView) || !IsPlainColumn(parentField, parentView))
            return null;
        return (childView, (DimensionSymbol)childField.Field, parentView, (DimensionSymbol)parentField.Field);
    }

    private static bool IsPlainColumn(FieldReference field, ViewSymbol view) =>
        field is { Timeframe: null, Interval: null, Field: DimensionSymbol { Type: not (DimensionType.Money or DimensionType.Duration) } dimension }
        && dimension.View == view
        && SqlLowerer.ViewColumns(view).Contains(dimension);

    private void Add(ViewSymbol view, string column, DbtColumnTest test)
    {
        if (!_tests.TryGetValue((view, column), out var list))
            _tests[(view, column)] = list = [];
        list.Add(test);
    }
}
