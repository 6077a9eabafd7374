/**
 * JSON that is safe to place inside HTML, e.g. in `<script type="application/json">` or an attribute:
 * `<`, `>` and `&` become \u escapes (so `</script>` or `<!--` in an author's text cannot end the element),
 * and U+2028/U+2029 are escaped because older JavaScript parsers treat them as line ends.
 * JSON.parse reads the result back to the same value.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

function escapeOne(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function jsonForHtml(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(UNSAFE, escapeOne);
}
