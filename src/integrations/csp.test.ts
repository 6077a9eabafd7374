import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts, scriptHash, withPolicyMeta } from './csp';

describe('content security policy', () => {
  const page =
    '<!doctype html><html><head><meta charset="utf-8"><script type="module">import "/a.js"</script>' +
    '<script src="/_astro/x.js"></script><script type="application/json">{"q":"\\u003c/script>"}</script>' +
    '<script>document.documentElement.dataset.theme = "dark"</script></head><body></body></html>';

  it('finds the inline scripts a browser would run (not JSON data, not src files)', () => {
    expect(inlineScripts(page)).toEqual([
      'import "/a.js"',
      'document.documentElement.dataset.theme = "dark"',
    ]);
  });

  it('allows scripts only from the site and by hash: no unsafe-inline, no unsafe-eval for pages', () => {
    const policy = contentSecurityPolicy({ scriptHashes: inlineScripts(page).map(scriptHash) });
    const script = policy.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(policy).toContain("default-src 'self'");
    expect(script).toMatch(
      /^script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'$/,
    );
    expect(script.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe');
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ scriptHashes: [], forHeader: true })).toContain("frame-ancestors 'self'");
  });

  it('hashes as browsers do (SHA-256 of the exact text, base64)', () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it('puts the policy before any script in <head>', () => {
    const withMeta = withPolicyMeta(page, "default-src 'self'");
    const meta = withMeta.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(withMeta.indexOf('<meta charset'));
    expect(meta).toBeLessThan(withMeta.indexOf('<script'));
    expect(withMeta).toContain(`content="default-src 'self'"`);
  });
});
