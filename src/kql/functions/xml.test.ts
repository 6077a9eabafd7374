import { describe, expect, it } from 'vitest';
import { parseXml } from './xml';

describe('parseXml, by the conversion table of parse_xml()', () => {
  it('an empty element is null, a text-only element its text', () => {
    expect(parseXml('<e/>')).toEqual({ e: null });
    expect(parseXml('<e></e>')).toEqual({ e: null });
    expect(parseXml('<e>text</e>')).toEqual({ e: 'text' });
  });

  it('attributes become @ properties, with the text as #text beside them', () => {
    expect(parseXml('<e name="value" />')).toEqual({ e: { '@name': 'value' } });
    expect(parseXml("<e name='value'>text</e>")).toEqual({ e: { '@name': 'value', '#text': 'text' } });
  });

  it('child elements become properties, repeated ones an array, mixed text #text', () => {
    expect(parseXml('<e> <a>text</a> <b>text</b> </e>')).toEqual({ e: { a: 'text', b: 'text' } });
    expect(parseXml('<e> <a>text</a> <a>text</a> </e>')).toEqual({ e: { a: ['text', 'text'] } });
    expect(parseXml('<e> <a>1</a> <a>2</a> <a>3</a> </e>')).toEqual({ e: { a: ['1', '2', '3'] } });
    expect(parseXml('<e>text <a>x</a></e>')).toEqual({ e: { '#text': 'text ', a: 'x' } });
  });

  it('decodes entities and keeps CDATA, the declaration and comments as Json.NET does', () => {
    expect(parseXml('<e>a &lt; b &amp; &#65;&#x42;</e>')).toEqual({ e: 'a < b & AB' });
    expect(parseXml('<e><![CDATA[<raw>]]></e>')).toEqual({ e: { '#cdata-section': '<raw>' } });
    expect(parseXml('<?xml version="1.0" encoding="UTF-8"?><!-- c --><e>1</e>')).toEqual({
      '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
      e: '1',
    });
  });

  it('gives null for text that is not well-formed XML', () => {
    for (const bad of [
      '',
      'plain',
      '<a>',
      '<a></b>',
      '<a x=1/>',
      '<a/><b/>',
      '<a>&bogus;</a>',
      '<a x="1" x="2"/>',
    ])
      expect(parseXml(bad)).toBeNull();
  });
});
