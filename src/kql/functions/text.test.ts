import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';

const context: CallContext = { argTypes: [], resultType: 'string', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

describe('punycode (docs examples)', () => {
  it('encodes and decodes single labels', () => {
    expect(call('punycode_from_string', 'académie-française')).toBe('acadmie-franaise-npb1a');
    expect(call('punycode_from_string', '艺术')).toBe('cqv902d');
    expect(call('punycode_to_string', 'acadmie-franaise-npb1a')).toBe('académie-française');
  });

  it('decodes domains label by label, keeping the case of the labels', () => {
    expect(call('punycode_domain_from_string', 'xn--Ge-mia.Bulg.edu')).toBe('Gáe.Bulg.edu');
    expect(call('punycode_domain_from_string', 'xn--Ry-lja8c.xn--Jng-uta63a.xn--Bng-9ka.com')).toBe(
      'Rúyì.Jīngū.Bàng.com',
    );
  });

  it('encodes domains, accepting the ideographic full stops as separators', () => {
    expect(call('punycode_domain_to_string', 'Lê Lợi。Thuận Thiên。com')).toBe(
      'xn--L Li-gpa4517b.xn--Thun Thin-s4a7194f.com',
    );
    expect(call('punycode_domain_to_string', 'Riðill｡Skáldskaparmál｡org')).toBe(
      'xn--Riill-jta.xn--Skldskaparml-dbbj.org',
    );
    expect(call('punycode_domain_to_string', "Kaledvoulc'h.Artorījos.edu")).toBe(
      "Kaledvoulc'h.xn--Artorjos-ejb.edu",
    );
  });

  it('gives an empty string for invalid punycode', () => {
    expect(call('punycode_to_string', 'ab-\u00ff')).toBe('');
  });
});

describe('gzip/zlib in base64 (docs examples)', () => {
  const compressed = 'H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==';

  it('compresses to the documented bytes', () => {
    expect(call('gzip_compress_to_base64_string', '1234567890qwertyuiop')).toBe(compressed);
  });

  it('round-trips non-ASCII text and rejects invalid input with an empty string', () => {
    expect(call('gzip_decompress_from_base64_string', compressed)).toBe('1234567890qwertyuiop');
    const encoded = call('gzip_compress_to_base64_string', 'Grüße, 世界');
    expect(call('gzip_decompress_from_base64_string', encoded)).toBe('Grüße, 世界');
    expect(call('gzip_decompress_from_base64_string', 'x0x0x0')).toBe('');
  });

  it('decompresses zlib streams', () => {
    // zlib stream of "hello" at the default level.
    expect(call('zlib_decompress_from_base64_string', 'eJzLSM3JyQcABiwCFQ==')).toBe('hello');
    expect(call('zlib_decompress_from_base64_string', 'not base64!')).toBe('');
  });
});
