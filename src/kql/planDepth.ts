/**
 * A plan nests as deep as its query: a chain of 3,000 `let`s is one expression 3,000 levels deep. The executor's walks
 * over a plan (compiling, finding the tables it reads, dictionary forms) recurse, so a plan deeper than they can go
 * is refused here, once, with a positioned KQL_LIMIT at the node that passes the limit.
 */
import { EngineError } from './errors';
import type { QueryPlan, Span } from './plan';

export const MAX_PLAN_DEPTH = 1_000;

interface Pending {
  readonly value: unknown;
  readonly depth: number;
  /** The span of the nearest enclosing node that has one (literals have none). */
  readonly span: Span;
}

function isSpan(value: unknown): value is Span {
  const span = value as Partial<Span> | null;
  return typeof span?.start === 'number' && typeof span.length === 'number';
}

/** Throws KQL_LIMIT when operators and expressions nest more than `max` levels; walks with its own stack. */
export function checkPlanDepth(plan: QueryPlan, max = MAX_PLAN_DEPTH): void {
  const seen = new Set<object>();
  const pending: Pending[] = [{ value: plan, depth: 0, span: { start: 0, length: 0 } }];
  while (pending.length > 0) {
    const { value, depth, span: enclosing } = pending.pop()!;
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) continue;
    seen.add(value);
    const node = value as { kind?: unknown; op?: unknown; span?: unknown };
    const isNode = typeof node.kind === 'string' || typeof node.op === 'string';
    const nodeDepth = isNode ? depth + 1 : depth;
    const span = isSpan(node.span) ? node.span : enclosing;
    if (nodeDepth > max) {
      throw new EngineError(
        'KQL_LIMIT',
        `The query nests more than ${max.toLocaleString('en-US')} levels deep (a long chain of lets, or nested parentheses or calls).`,
        span,
        'Compute intermediate values in columns (extend) or with materialize(), instead of one nested expression.',
      );
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: nodeDepth, span });
    }
  }
}
