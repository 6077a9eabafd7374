import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';
import { BASE64_FUNCTIONS, decodeBase64 } from './base64';

const context: CallContext = { argTypes: [], resultType: 'string', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

describe('base64 decoding is as strict as .NET Convert.FromBase64String', () => {
  it('accepts padded groups of four, skipping whitespace', () => {
    expect(Array.from(decodeBase64('S3VzdG8=')!)).toEqual([75, 117, 115, 116, 111]);
    expect(Array.from(decodeBase64('S3Vz\r\ndG8=')!)).toEqual([75, 117, 115, 116, 111]);
    expect(Array.from(decodeBase64('')!)).toEqual([]);
  });

  it('rejects unpadded text, stray padding and foreign characters', () => {
    for (const bad of ['S3VzdG8', 'S3VzdG8==', 'S3=VzdG8', 'S3Vz*G8=', 'abcd1231='])
      expect(decodeBase64(bad)).toBeNull();
  });

  it('every base64 function is registered in the catalog', () => {
    for (const name of Object.keys(BASE64_FUNCTIONS)) expect(FUNCTIONS[name]).toBe(BASE64_FUNCTIONS[name]);
  });
});

describe('base64 functions (docs examples)', () => {
  it('strings', () => {
    expect(call('base64_encode_tostring', 'Kusto')).toBe('S3VzdG8=');
    expect(call('base64_decode_tostring', 'S3VzdG8=')).toBe('Kusto');
    // Valid base64, but the bytes are not UTF-8.
    expect(call('base64_decode_tostring', 'U3RyaW5n0KHR0tGA0L7Rh9C60LA=')).toBe('');
  });

  it('arrays: an invalid base64 string gives no array, and encoding that gives an empty string', () => {
    expect(call('base64_decode_toarray', 'S3VzdG8=')).toEqual([75, 117, 115, 116, 111]);
    expect(call('base64_encode_fromarray', [75, 117, 115, 116, 111])).toBe('S3VzdG8=');
    const invalid = call('base64_decode_toarray', 'U3RyaW5n0KHR0tGA0L7Rh9C60LA');
    expect(invalid).toBeNull();
    expect(call('base64_encode_fromarray', invalid)).toBe('');
    expect(call('base64_encode_fromarray', [1, 300])).toBe('');
  });

  it('GUIDs use the .NET byte layout both ways', () => {
    expect(call('base64_encode_fromguid', 'ae3133f2-6e22-49ae-b06a-16e6a9b212eb')).toBe(
      '8jMxriJurkmwahbmqbIS6w==',
    );
    expect(call('base64_decode_toguid', '8jMxriJurkmwahbmqbIS6w==')).toBe(
      'ae3133f2-6e22-49ae-b06a-16e6a9b212eb',
    );
    expect(call('base64_decode_toguid', 'JpbpECu8dUy7Pv5gbeJXAA==')).toBe(
      '10e99626-bc2b-4c75-bb3e-fe606de25700',
    );
    expect(call('base64_decode_toguid', 'abcd1231')).toBeNull();
  });
});
