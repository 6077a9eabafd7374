/**
 * The functions, aggregates and plug-ins Kusto.Language declares (its GlobalState), with their signatures in plain
 * values, so that the coverage probe can build a query from each without touching Bridge objects.
 */
import { kustoLanguage, type KNode } from './kusto';

export interface ParameterInfo {
  readonly name: string;
  /** Declared type names (`string`, `long`...) when the kind is `Declared`. */
  readonly types: readonly string[];
  /** Kusto.Language's ParameterTypeKind: Declared, Scalar, Integer, Number, DynamicArray, Tabular... */
  readonly typeKind: string;
  /** Kusto.Language's ArgumentKind: Expression, Constant, Literal, Column, StarOnly, Aggregate... */
  readonly argumentKind: string;
  readonly optional: boolean;
  readonly repeatable: boolean;
  /** How many times a repeatable parameter must at least be given. */
  readonly minOccurring: number;
  /** The documented values of an enumerated parameter (`datetime_add`'s part). */
  readonly values: readonly string[];
}

export interface SignatureInfo {
  readonly parameters: readonly ParameterInfo[];
}

export interface SymbolInfo {
  readonly name: string;
  readonly signatures: readonly SignatureInfo[];
}

export interface KustoCatalog {
  readonly functions: readonly SymbolInfo[];
  readonly aggregates: readonly SymbolInfo[];
  readonly plugins: readonly SymbolInfo[];
}

function items(list: KNode): KNode[] {
  const out: KNode[] = [];
  if (!list) return out;
  // Bridge gives some lists as JS arrays and others as .NET lists (Count, getItem).
  const count: number = list.Count ?? list.length ?? 0;
  for (let i = 0; i < count; i++) out.push(typeof list.getItem === 'function' ? list.getItem(i) : list[i]);
  return out;
}

function enumName(enumType: unknown, value: unknown): string {
  const system = (globalThis as KNode).System;
  return String(system.Enum.getName(enumType, value));
}

function symbolsOf(list: KNode): SymbolInfo[] {
  const K = kustoLanguage();
  return items(list)
    .filter((symbol) => !symbol.IsHidden)
    .map((symbol) => ({
      name: String(symbol.Name),
      signatures: items(symbol.Signatures)
        .filter((signature) => !signature.IsHidden)
        .map((signature) => ({
          parameters: items(signature.Parameters).map((parameter) => ({
            name: String(parameter.Name),
            types: items(parameter.DeclaredTypes).map((type) => String(type.Name)),
            typeKind: enumName(K.Symbols.ParameterTypeKind, parameter.TypeKind),
            argumentKind: enumName(K.Symbols.ArgumentKind, parameter.ArgumentKind),
            optional: Boolean(parameter.IsOptional),
            repeatable: Boolean(parameter.IsRepeatable),
            minOccurring: Number(parameter.MinOccurring ?? 1),
            values: items(parameter.Values).map(String),
          })),
        })),
    }));
}

/** What Kusto.Language 12.4.1 itself lists (its hidden, obsolete aliases left out). */
export function kustoCatalog(): KustoCatalog {
  const globals = kustoLanguage().GlobalState.Default;
  return {
    functions: symbolsOf(globals.Functions),
    aggregates: symbolsOf(globals.Aggregates),
    plugins: symbolsOf(globals.PlugIns),
  };
}
