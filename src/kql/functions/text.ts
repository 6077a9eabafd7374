/**
 * Text encodings: punycode (punycode.js) and gzip/zlib in base64 (fflate). Both libraries are pure JavaScript, so
 * these run in a browser worker as they do in Node.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8, unzlibSync } from 'fflate';
import punycode from 'punycode.js';
import { str, type ScalarFunction, isNull } from './helpers';

/** The label separators IDNA accepts: full stop, ideographic, fullwidth and halfwidth ideographic full stops. */
const LABEL_SEPARATORS = /[.\u3002\uFF0E\uFF61]/;

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Runs a decoder, mapping any failure to the empty string Kusto returns for invalid input. */
function orEmpty(decode: () => string): string {
  try {
    return decode();
  } catch {
    return '';
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * Kusto's documented output is a stored (uncompressed) deflate block behind .NET's gzip header (XFL 0, OS 255):
 * level 0 and those two header bytes reproduce it byte for byte.
 */
function gzipToBase64(text: string): string {
  const bytes = gzipSync(strToU8(text), { level: 0, mtime: 0 });
  bytes[8] = 0;
  bytes[9] = 255;
  return bytesToBase64(bytes);
}

function decodeDomain(domain: string): string {
  return domain
    .split('.')
    .map((label) => (/^xn--/i.test(label) ? punycode.decode(label.slice(4)) : label))
    .join('.');
}

function encodeDomain(domain: string): string {
  return domain
    .split(LABEL_SEPARATORS)
    .map((label) => (/[^\0-\x7F]/.test(label) ? `xn--${punycode.encode(label)}` : label))
    .join('.');
}

export const TEXT_FUNCTIONS: Record<string, ScalarFunction> = {
  punycode_from_string: ([v]) => orEmpty(() => punycode.encode(str(v))),
  punycode_to_string: ([v]) => orEmpty(() => punycode.decode(str(v))),
  punycode_domain_from_string: ([v]) => orEmpty(() => decodeDomain(str(v))),
  punycode_domain_to_string: ([v]) => orEmpty(() => encodeDomain(str(v))),
  gzip_compress_to_base64_string: ([v]) => (isNull(v) ? '' : gzipToBase64(str(v))),
  gzip_decompress_from_base64_string: ([v]) =>
    orEmpty(() => {
      const bytes = base64ToBytes(str(v));
      return bytes ? decodeUtf8(gunzipSync(bytes)) : '';
    }),
  zlib_decompress_from_base64_string: ([v]) =>
    orEmpty(() => {
      const bytes = base64ToBytes(str(v));
      return bytes ? strFromU8(unzlibSync(bytes)) : '';
    }),
};
