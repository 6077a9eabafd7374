/**
 * The typed face of a Kusto.Language syntax node for the modules outside syntax/ (operators, graph, plug-ins,
 * statements): the members they read, so no Bridge.NET object reaches them as `any`. A member is typed as present;
 * where the node kind may lack it, the module tests it (`node.WithClause ? ... : ...`) as Kusto.Language leaves it null.
 */

/** What a name reference resolves to, or the type of an expression (Kusto.Language symbols). */
export interface SyntaxSymbol {
  readonly Name: string;
  readonly Members: { readonly Count: number; getItem(index: number): SyntaxSymbol } | null;
}

export interface SyntaxNode {
  readonly TextStart: number;
  readonly Width: number;
  readonly ChildCount: number;
  GetChild(index: number): SyntaxNode | null;
  /** Of a name node or name reference. */
  readonly SimpleName: string;
  /** Of a token. */
  readonly Text: string;
  readonly IsLiteral: boolean;
  readonly LiteralValue: unknown;
  readonly Name: SyntaxNode;
  readonly ReferencedSymbol: SyntaxSymbol | null;
  readonly ResultType: SyntaxSymbol | null;
  readonly Aggregates: SyntaxNode;
  readonly ArgumentList: SyntaxNode;
  readonly Arguments: SyntaxNode;
  readonly AsClause: SyntaxNode;
  readonly AscOrDescKeyword: SyntaxNode;
  readonly Assignments: SyntaxNode;
  readonly Body: SyntaxNode;
  readonly ByClause: SyntaxNode;
  readonly ByExpression: SyntaxNode;
  readonly ChartType: SyntaxNode;
  readonly Clauses: SyntaxNode;
  readonly Column: SyntaxNode;
  readonly Columns: SyntaxNode;
  readonly ComputationClause: SyntaxNode;
  readonly Condition: SyntaxNode;
  readonly ConditionClause: SyntaxNode;
  readonly ConnectionStrings: SyntaxNode;
  readonly Data: SyntaxNode;
  readonly DataFormatParameter: SyntaxNode;
  readonly Declarations: SyntaxNode;
  readonly DeclareClause: SyntaxNode;
  readonly DefaultExpression: SyntaxNode;
  readonly DefaultValue: SyntaxNode;
  readonly DirectionToken: SyntaxNode;
  readonly Element: SyntaxNode;
  readonly Entity: SyntaxNode;
  readonly EntityKeyword: SyntaxNode;
  readonly Expression: SyntaxNode;
  readonly Expressions: SyntaxNode;
  readonly FirstToken: SyntaxNode;
  readonly From: SyntaxNode;
  readonly Function: SyntaxNode;
  readonly FunctionCall: SyntaxNode;
  readonly InClause: SyntaxNode;
  readonly Keys: SyntaxNode;
  readonly KindParameter: SyntaxNode;
  readonly LastToken: SyntaxNode;
  readonly Left: SyntaxNode;
  readonly LookupClause: SyntaxNode;
  readonly MakeSeriesFromClause: SyntaxNode;
  readonly MakeSeriesStepClause: SyntaxNode;
  readonly MakeSeriesToClause: SyntaxNode;
  readonly NameAndType: SyntaxNode;
  readonly OfExpression: SyntaxNode;
  readonly OnClause: SyntaxNode;
  readonly Operand: SyntaxNode;
  readonly Operator: SyntaxNode;
  /** Of a fork branch (`name=(subquery)`). */
  readonly NameEquals: SyntaxNode | null;
  /** Of macro-expand. */
  readonly EntityGroup: SyntaxNode;
  readonly ScopeReferenceName: SyntaxNode;
  readonly EntityGroupReferenceName: SyntaxNode;
  readonly StatementList: SyntaxNode;
  /** Of an entity group. */
  readonly Entities: SyntaxNode;
  readonly Ordering: SyntaxNode;
  readonly OutputClause: SyntaxNode;
  readonly OutputKind: SyntaxNode;
  readonly Parameter: SyntaxNode;
  readonly ParameterValues: SyntaxNode;
  readonly Parameters: SyntaxNode;
  readonly Parent: SyntaxNode;
  readonly PartitionedByClause: SyntaxNode;
  readonly PathParameter: SyntaxNode;
  readonly PathValue: SyntaxNode;
  readonly Pattern: SyntaxNode;
  readonly PatternElements: SyntaxNode;
  readonly Patterns: SyntaxNode;
  readonly ProjectClause: SyntaxNode;
  readonly Properties: SyntaxNode;
  /** Of find: its `project-away` clause. */
  readonly ProjectAway: SyntaxNode | null;
  readonly Query: SyntaxNode;
  readonly Range: SyntaxNode;
  readonly RangeClause: SyntaxNode;
  readonly RangeEnd: SyntaxNode;
  readonly RangeStart: SyntaxNode;
  readonly Right: SyntaxNode;
  readonly RowLimit: SyntaxNode;
  readonly RowLimitClause: SyntaxNode;
  readonly ScanStepOutput: SyntaxNode;
  readonly Schema: SyntaxNode;
  readonly Scope: SyntaxNode;
  readonly Selector: SyntaxNode;
  readonly SourceColumn: SyntaxNode;
  readonly Statements: SyntaxNode;
  readonly Step: SyntaxNode;
  readonly Steps: SyntaxNode;
  readonly Subquery: SyntaxNode;
  readonly Table: SyntaxNode;
  readonly TablesAndKeys: SyntaxNode;
  readonly TargetColumn: SyntaxNode;
  readonly To: SyntaxNode;
  readonly ToTypeOf: SyntaxNode;
  readonly Type: SyntaxNode;
  readonly TypeOf: SyntaxNode;
  readonly Value: SyntaxNode;
  readonly Values: SyntaxNode;
  readonly ViewKeyword: SyntaxNode;
  readonly WhereClause: SyntaxNode;
  readonly With: SyntaxNode;
  readonly WithClause: SyntaxNode;
  readonly WithOthersClause: SyntaxNode;
}
