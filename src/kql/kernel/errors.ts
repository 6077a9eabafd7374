/** The engine errors a failing pattern or scalar function becomes, positioned at the operator or call. */
import { EngineError, unsupported } from '../errors';
import { JsonDepthError } from '../json';
import type { Span } from '../plan';
import { RegexSyntaxError } from '../regex';

export function regexError(error: RegexSyntaxError, span: Span): EngineError {
  return new EngineError(
    'KQL_REGEX',
    error.message,
    span,
    'Kusto regular expressions are RE2: no look-around or back-references; see https://github.com/google/re2/wiki/Syntax',
  );
}

const UNSUPPORTED_PREFIX = 'not supported yet: ';

/**
 * What a scalar function's failure tells the user: an EngineError (KQL_UNSUPPORTED, KQL_NO_NETWORK...) keeps its code
 * and position; a library's "not supported yet: X" becomes KQL_UNSUPPORTED at the call; anything else is KQL_RUNTIME.
 */
export function functionError(error: unknown, name: string, span: Span): EngineError {
  if (error instanceof EngineError) return error;
  if (error instanceof JsonDepthError)
    return new EngineError('KQL_LIMIT', `${name}(): ${error.message}`, span);
  if (error instanceof RegexSyntaxError) {
    const base = regexError(error, span);
    return new EngineError(base.code, `${name}(): ${base.message}`, span, base.hint);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith(UNSUPPORTED_PREFIX))
    return unsupported(message.slice(UNSUPPORTED_PREFIX.length), span);
  return new EngineError('KQL_RUNTIME', `${name}(): ${message}`, span);
}
