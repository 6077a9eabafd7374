import { describe, expect, it } from 'vitest';
import { isCheckMessage, isEditorMessage } from './checkEditorProtocol';

describe('messages between a query check and its editor frame', () => {
  it('are told apart by their source', () => {
    expect(isEditorMessage({ source: 'check-editor', type: 'change', text: 'T' })).toBe(true);
    expect(isEditorMessage({ source: 'query-check', type: 'init', text: 'T', label: 'L' })).toBe(false);
    expect(isCheckMessage({ source: 'query-check', type: 'init', text: 'T', label: 'L' })).toBe(true);
  });

  it('ignore what other scripts post to the window', () => {
    for (const foreign of [
      null,
      'text',
      42,
      { type: 'init', text: 'T' },
      { source: 'query-check', type: 'init' },
    ]) {
      expect(isEditorMessage(foreign)).toBe(false);
      expect(isCheckMessage(foreign)).toBe(false);
    }
  });
});
