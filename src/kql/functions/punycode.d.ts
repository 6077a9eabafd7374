/** Types for punycode.js (the npm build of punycode that does not clash with Node's deprecated core module). */
declare module 'punycode.js' {
  const punycode: {
    encode(input: string): string;
    decode(input: string): string;
    toASCII(domain: string): string;
    toUnicode(domain: string): string;
  };
  export default punycode;
}
