/**
 * parse_xml(): XML text to a dynamic value by Kusto's documented rules (those of Json.NET's XML converter): an element
 * becomes a property named after it; its attributes become `@name` properties; its text becomes its value, or `#text`
 * beside attributes or child elements; repeated child elements become an array; an empty element is null. A CDATA
 * section is `#cdata-section`, the XML declaration `?xml`. Text that is not well-formed XML gives null.
 *
 * A small parser of its own, since DOMParser does not exist in the Web Worker the engine runs in.
 */
type Json = null | string | Json[] | { [key: string]: Json };

class XmlSyntaxError extends Error {}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    const named = ENTITIES[body];
    if (named === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`);
    return named;
  });
}

interface Element {
  readonly name: string;
  readonly attributes: [string, string][];
  /** Child elements and text, in document order. */
  readonly children: (Element | { text: string } | { cdata: string })[];
}

class Parser {
  private position = 0;
  constructor(private readonly text: string) {}

  private fail(what: string): never {
    throw new XmlSyntaxError(`${what} at offset ${this.position}`);
  }

  private startsWith(token: string): boolean {
    return this.text.startsWith(token, this.position);
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position]!)) this.position++;
  }

  private name(): string {
    NAME.lastIndex = this.position;
    const match = NAME.exec(this.text);
    if (!match) this.fail('a name was expected');
    this.position += match[0].length;
    return match[0];
  }

  private until(token: string): string {
    const end = this.text.indexOf(token, this.position);
    if (end < 0) this.fail(`'${token}' was expected`);
    const body = this.text.slice(this.position, end);
    this.position = end + token.length;
    return body;
  }

  private attributes(): [string, string][] {
    const attributes: [string, string][] = [];
    for (;;) {
      this.skipSpace();
      if (this.startsWith('>') || this.startsWith('/>') || this.startsWith('?>')) return attributes;
      const name = this.name();
      this.skipSpace();
      if (!this.startsWith('=')) this.fail(`'=' was expected after attribute ${name}`);
      this.position++;
      this.skipSpace();
      const quote = this.text[this.position];
      if (quote !== '"' && quote !== "'") this.fail('a quoted attribute value was expected');
      this.position++;
      const value = this.until(quote);
      if (value.includes('<')) this.fail("'<' inside an attribute value");
      if (attributes.some(([existing]) => existing === name)) this.fail(`attribute ${name} is repeated`);
      attributes.push([name, decodeEntities(value)]);
    }
  }

  /** Comments, processing instructions and a doctype between elements. */
  private skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<!--')) this.until('-->');
      else if (this.startsWith('<!DOCTYPE')) this.until('>');
      else if (this.startsWith('<?')) this.until('?>');
      else return;
    }
  }

  private element(): Element {
    if (!this.startsWith('<')) this.fail("'<' was expected");
    this.position++;
    const name = this.name();
    const attributes = this.attributes();
    if (this.startsWith('/>')) {
      this.position += 2;
      return { name, attributes, children: [] };
    }
    if (!this.startsWith('>')) this.fail("'>' was expected");
    this.position++;
    const children: Element['children'] = [];
    for (;;) {
      if (this.position >= this.text.length) this.fail(`element ${name} is not closed`);
      if (this.startsWith('</')) {
        this.position += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.skipSpace();
        if (!this.startsWith('>')) this.fail("'>' was expected");
        this.position++;
        return { name, attributes, children };
      }
      if (this.startsWith('<!--')) this.until('-->');
      else if (this.startsWith('<![CDATA[')) {
        this.position += 9;
        children.push({ cdata: this.until(']]>') });
      } else if (this.startsWith('<?')) this.until('?>');
      else if (this.startsWith('<')) children.push(this.element());
      else {
        const end = this.text.indexOf('<', this.position);
        const raw = this.text.slice(this.position, end < 0 ? this.text.length : end);
        this.position += raw.length;
        if (raw.trim() !== '') children.push({ text: decodeEntities(raw) });
      }
    }
  }

  document(): Json {
    const result: Record<string, Json> = {};
    this.skipSpace();
    if (this.startsWith('<?xml')) {
      this.position += 5;
      const declaration = this.attributes();
      if (!this.startsWith('?>')) this.fail("'?>' was expected");
      this.position += 2;
      result['?xml'] = Object.fromEntries(declaration.map(([k, v]) => [`@${k}`, v]));
    }
    this.skipMisc();
    const root = this.element();
    this.skipMisc();
    if (this.position < this.text.length) this.fail('text after the root element');
    result[root.name] = elementValue(root);
    return result;
  }
}

function addProperty(target: Record<string, Json>, key: string, value: Json): void {
  if (!(key in target)) target[key] = value;
  else if (Array.isArray(target[key]) && key !== '#text') (target[key] as Json[]).push(value);
  else target[key] = [target[key]!, value];
}

function elementValue(element: Element): Json {
  const texts = element.children.filter((c): c is { text: string } => 'text' in c);
  if (element.attributes.length === 0 && texts.length === element.children.length) {
    if (texts.length === 0) return null;
    if (texts.length === 1) return texts[0]!.text;
  }
  const value: Record<string, Json> = {};
  for (const [name, text] of element.attributes) value[`@${name}`] = text;
  const textValues: string[] = [];
  for (const child of element.children) {
    if ('text' in child) textValues.push(child.text);
    else if ('cdata' in child) addProperty(value, '#cdata-section', child.cdata);
    else addProperty(value, child.name, elementValue(child));
  }
  if (textValues.length === 1) value['#text'] = textValues[0]!;
  else if (textValues.length > 1) value['#text'] = textValues;
  return value;
}

/** The dynamic value of an XML text, or null when the text is not well-formed XML. */
export function parseXml(text: string): Json {
  try {
    return new Parser(text).document();
  } catch (error) {
    if (error instanceof XmlSyntaxError || error instanceof RangeError) return null;
    throw error;
  }
}
