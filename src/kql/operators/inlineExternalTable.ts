/**
 * `inline_external_table`: Kusto reads its rows from the storage connection strings it names (blobs, ADLS, a Delta
 * table root), for every kind and data format. The lab works offline, so the operator always answers a positioned
 * KQL_NO_NETWORK error, as externaldata does, pointing at the connection strings that would need the network.
 */
import { EngineError } from '../errors';
import type { Span } from '../plan';
import type { SyntaxNode } from '../syntax/node';

function clauseValue(clause: SyntaxNode): string | undefined {
  const text = clause?.Value?.Text as string | undefined;
  return text ? text.trim() : undefined;
}

export function inlineExternalTableError(node: SyntaxNode, span: Span): EngineError {
  const kindValue = clauseValue(node.KindParameter);
  const dataFormat = clauseValue(node.DataFormatParameter);
  const described = [kindValue && `kind=${kindValue}`, dataFormat && `dataformat=${dataFormat}`]
    .filter(Boolean)
    .join(', ');
  const source = node.ConnectionStrings;
  const sourceSpan: Span =
    source && (source.Width as number) > 0
      ? { start: source.TextStart as number, length: source.Width as number }
      : span;
  return new EngineError(
    'KQL_NO_NETWORK',
    `inline_external_table cannot run here: it reads its rows${described ? ` (${described})` : ''} from external storage, and the lab works offline and fetches nothing from outside.`,
    sourceSpan,
    'Put the data in a datatable or a let statement instead.',
  );
}
