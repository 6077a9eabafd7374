import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from './inlineMarkdown';

describe('inlineMarkdown', () => {
  it('renders code, bold and emphasis', () => {
    expect(inlineMarkdown('Set `imagePullPolicy: Always` on **production** pods, *always*.')).toBe(
      'Set <code>imagePullPolicy: Always</code> on <strong>production</strong> pods, <em>always</em>.',
    );
  });

  it('keeps markup characters inside code spans literal', () => {
    expect(inlineMarkdown('`K8S_*` and `a_b_c`')).toBe('<code>K8S_*</code> and <code>a_b_c</code>');
  });

  it('escapes HTML instead of interpreting it', () => {
    expect(inlineMarkdown('<script>alert(1)</script> & `<pod-name>`')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; <code>&lt;pod-name&gt;</code>',
    );
  });

  it('leaves underscores inside words alone', () => {
    expect(inlineMarkdown('snake_case_name')).toBe('snake_case_name');
  });
});
