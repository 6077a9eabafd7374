import type { Span } from './plan';

/** An error with a position in the query text. `code` is the engine's own (KQL_*). */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly span: Span,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function unsupported(feature: string, span: Span): EngineError {
  return new EngineError('KQL_UNSUPPORTED', `not supported yet: ${feature}`, span);
}
