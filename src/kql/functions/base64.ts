/**
 * Base64 functions. Decoding is as strict as .NET's Convert.FromBase64String, which Kusto uses: whitespace is
 * skipped, the rest must come in groups of four characters with at most two `=` of padding at the end. So an unpadded
 * string (`S3VzdG8`) is invalid, as the docs' base64_encode_fromarray example shows. GUIDs use .NET's byte layout
 * (Guid.ToByteArray: the first three groups little-endian), as base64_encode_fromguid's docs example shows.
 */
import { arrayOf, str, type ScalarFunction, isNull } from './helpers';

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of a base64 text, or null when .NET would reject it. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/[ \t\r\n]/g, '');
  if (!STRICT_BASE64.test(compact)) return null;
  return Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
}

export function encodeBase64(bytes: ArrayLike<number>): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Guid.ToByteArray's order: the bytes of the first three groups reversed, the last two as written. */
const GUID_BYTE_ORDER = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];

export function guidToBytes(guid: string): number[] | null {
  const hex = guid.trim().replace(/^\{|\}$/g, '');
  if (!/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(hex)) return null;
  const bytes = hex
    .replace(/-/g, '')
    .match(/../g)!
    .map((pair) => Number.parseInt(pair, 16));
  return GUID_BYTE_ORDER.map((i) => bytes[i]!);
}

export function bytesToGuid(bytes: ArrayLike<number>): string | null {
  if (bytes.length !== 16) return null;
  const hex = GUID_BYTE_ORDER.map((i) => bytes[i]!.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const decodeToString: ScalarFunction = ([text]) => {
  const bytes = decodeBase64(str(text));
  return bytes ? (decodeUtf8(bytes) ?? '') : '';
};

const encodeFromString: ScalarFunction = ([text]) => encodeBase64(new TextEncoder().encode(str(text)));

export const BASE64_FUNCTIONS: Record<string, ScalarFunction> = {
  base64_encode_tostring: encodeFromString,
  base64_encodestring: encodeFromString,
  base64_decode_tostring: decodeToString,
  base64_decodestring: decodeToString,
  base64_decode_toarray: ([text]) => {
    const bytes = decodeBase64(str(text));
    return bytes ? Array.from(bytes) : null;
  },
  base64_encode_fromarray: ([array]) => {
    const items = arrayOf(array);
    // Only whole numbers 0..255 are bytes; anything else makes the array invalid (the result is an empty string).
    if (!items || items.some((b) => typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255))
      return '';
    return encodeBase64(items as number[]);
  },
  base64_encode_fromguid: ([guid]) => {
    if (isNull(guid)) return '';
    const bytes = guidToBytes(str(guid));
    return bytes ? encodeBase64(bytes) : '';
  },
  base64_decode_toguid: ([text]) => {
    const bytes = decodeBase64(str(text));
    return bytes ? bytesToGuid(bytes) : null;
  },
};
