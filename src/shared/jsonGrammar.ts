/** Pieces of JSON's grammar (RFC 8259) that more than one reader of JSON texts needs. */

/** A JSON number: no leading zeros, no leading `+`, digits on both sides of a point. */
export const JSON_NUMBER = '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';

/** JSON's whitespace: any run of spaces, tabs, line feeds and carriage returns. */
export const JSON_SPACE = '[ \\t\\n\\r]*';

/** Whether a character code is one of JSON's whitespace characters. */
export const isJsonSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;
