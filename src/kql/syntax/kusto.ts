/**
 * Loads Kusto.Language (Bridge.NET), builds database symbols from the table schemas, parses and analyzes, and hands
 * the syntax tree as untyped nodes (KNode) to the rest of syntax/. No Bridge object leaves syntax/: the modules outside
 * it read syntax nodes as the typed SyntaxNode (node.ts), and the plan holds plain values.
 */
import './kustoGlobal';
import '@kusto/language-service-next/bridge.min.js';
import '@kusto/language-service-next/Kusto.Language.Bridge.min.js';
import type { Diagnostic, KustoType, TableSchema } from '../types';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type KNode = any;
type KustoNamespace = any;

let kusto: KustoNamespace | undefined;

function loadKusto(): KustoNamespace {
  if (kusto) return kusto;
  kusto = (globalThis as any).Kusto;
  if (!kusto?.Language) throw new Error('Kusto.Language did not load');
  return kusto;
}

export function kustoLanguage(): KustoNamespace {
  return loadKusto().Language;
}

export function syntaxKindName(node: KNode): string {
  const scope = globalThis as any;
  return scope.System.Enum.getName(kustoLanguage().Syntax.SyntaxKind, node.Kind) as string;
}

export function symbolKindName(symbol: KNode): string {
  const scope = globalThis as any;
  return scope.System.Enum.getName(kustoLanguage().Symbols.SymbolKind, symbol.Kind) as string;
}

/** The name of the one database the engine holds (`database("Sentinel").SecurityAlert` reads it). */
export const LOCAL_DATABASE = 'Sentinel';

const globalsCache = new WeakMap<readonly TableSchema[], KNode>();

/** Kusto.Language global state with one database holding the given tables. */
export function globalsFor(tables: readonly TableSchema[]): KNode {
  const cached = globalsCache.get(tables);
  if (cached) return cached;
  const K = kustoLanguage();
  const symbols = tables.map(
    (table) =>
      new K.Symbols.TableSymbol.$ctor7(
        table.name,
        `(${table.columns.map((column) => `['${column.name}']:${column.type}`).join(', ')})`,
        null,
      ),
  );
  const database = new K.Symbols.DatabaseSymbol.ctor(LOCAL_DATABASE, symbols);
  const globals = K.GlobalState.Default.WithDatabase(database);
  globalsCache.set(tables, globals);
  return globals;
}

export interface AnalyzedCode {
  readonly syntax: KNode;
  readonly diagnostics: Diagnostic[];
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const SEVERITIES: Record<string, Diagnostic['severity']> = {
  Error: 'error',
  Warning: 'warning',
  Suggestion: 'suggestion',
  Information: 'information',
};

export function parseAndAnalyze(text: string, tables: readonly TableSchema[]): AnalyzedCode {
  const K = kustoLanguage();
  let code: KNode;
  try {
    code = K.KustoCode.ParseAndAnalyze(text, globalsFor(tables));
  } catch {
    // Kusto.Language's binder can throw on some broken queries (a graph-match after a malformed make-graph):
    // report the parser's own syntax errors instead, or say where analysis gave up.
    return parseOnly(text, tables);
  }
  const diagnostics = diagnosticsOf(
    code.GetDiagnostics(),
    text,
    (d) => SEVERITIES[d.Severity as string] ?? 'error',
  );
  return { syntax: code.Syntax, diagnostics };
}

/** Kusto.Language's diagnostics as ours, with line and column. */
function diagnosticsOf(
  list: KNode,
  text: string,
  severityOf: (diagnostic: KNode) => Diagnostic['severity'],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    const { line, column } = positionOf(text, d.Start);
    diagnostics.push({
      code: d.Code,
      severity: severityOf(d),
      message: d.Message,
      line,
      column,
      start: d.Start,
      length: d.Length,
    });
  }
  return diagnostics;
}

function parseOnly(text: string, tables: readonly TableSchema[]): AnalyzedCode {
  const code = kustoLanguage().KustoCode.Parse(text, globalsFor(tables));
  const list = code.GetSyntaxDiagnostics ? code.GetSyntaxDiagnostics() : code.GetDiagnostics();
  const diagnostics = diagnosticsOf(list, text, () => 'error');
  if (diagnostics.length === 0) {
    diagnostics.push({
      code: 'KQL_ANALYZER',
      severity: 'error',
      message: 'Kusto.Language could not analyze this query.',
      line: 1,
      column: 1,
      start: 0,
      length: text.length,
    });
  }
  return { syntax: code.Syntax, diagnostics };
}

/** Maps a Kusto.Language scalar type symbol to our type name. */
export function scalarTypeName(symbol: KNode): KustoType | undefined {
  if (!symbol) return undefined;
  const name = symbol.Name as string;
  switch (name) {
    case 'string':
    case 'long':
    case 'int':
    case 'real':
    case 'decimal':
    case 'bool':
    case 'datetime':
    case 'timespan':
    case 'guid':
    case 'dynamic':
      return name;
    case 'date':
      return 'datetime';
    case 'time':
      return 'timespan';
    case 'double':
      return 'real';
    case 'boolean':
      return 'bool';
    case 'uniqueid':
      return 'guid';
    default:
      return undefined;
  }
}

/** The columns of a tabular result type (a TableSymbol), as the analyzer computed them. */
export function tableColumns(symbol: KNode): { name: string; type: KustoType }[] | undefined {
  if (!symbol || !symbol.Columns) return undefined;
  const columns = symbol.Columns;
  const result: { name: string; type: KustoType }[] = [];
  for (let i = 0; i < columns.Count; i++) {
    const column = columns.getItem(i);
    result.push({ name: column.Name, type: scalarTypeName(column.Type) ?? 'dynamic' });
  }
  return result;
}
