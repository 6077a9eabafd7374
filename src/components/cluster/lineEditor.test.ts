import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  complete,
  emptyLine,
  keyActions,
  renderLine,
  submitLine,
  type LineState,
} from './lineEditor';

function typed(data: string, state: LineState = emptyLine()): LineState {
  return keyActions(data).reduce(applyAction, state);
}

describe('keys', () => {
  it('names what a terminal sends', () => {
    expect(keyActions('ab\x1b[A\x1b[3~\x7f\r')).toEqual([
      { kind: 'insert', text: 'ab' },
      { kind: 'up' },
      { kind: 'delete' },
      { kind: 'backspace' },
      { kind: 'enter' },
    ]);
    expect(keyActions('\x03\x04\x0c\t\x15\x0b\x17\x01\x05').map((action) => action.kind)).toEqual([
      'interrupt',
      'end-of-input',
      'clear-screen',
      'tab',
      'kill-to-start',
      'kill-to-end',
      'kill-word',
      'home',
      'end',
    ]);
  });

  it('drops escape sequences it does not use and keeps a paste whole, one Enter per line end', () => {
    expect(keyActions('\x1b[15~x\x1bOP')).toEqual([{ kind: 'insert', text: 'x' }]);
    expect(keyActions('get pods\r\ndescribe pod')).toEqual([
      { kind: 'insert', text: 'get pods' },
      { kind: 'enter' },
      { kind: 'insert', text: 'describe pod' },
    ]);
  });
});

describe('line editing', () => {
  it('inserts at the cursor, moves by characters and words, deletes both ways', () => {
    let state = typed('kubectl get pods');
    expect(state).toMatchObject({ buffer: 'kubectl get pods', cursor: 16 });
    state = typed('\x1bb\x1bb', state);
    expect(state.cursor).toBe(8);
    state = typed('-A \x1b[1;5C', state);
    expect(state).toMatchObject({ buffer: 'kubectl -A get pods', cursor: 14 });
    state = typed('\x17', state);
    expect(state).toMatchObject({ buffer: 'kubectl -A  pods', cursor: 11 });
    state = typed('\x01\x1b[3~\x05\x7f', state);
    expect(state).toMatchObject({ buffer: 'ubectl -A  pod', cursor: 14 });
    state = typed('\x1b[D\x1b[D\x0b', state);
    expect(state.buffer).toBe('ubectl -A  p');
    state = typed('\x1b[D\x15', state);
    expect(state).toMatchObject({ buffer: 'p', cursor: 0 });
  });

  it('walks the history with ↑ and ↓ and gives back the line being written', () => {
    let state = emptyLine(['kubectl get pods', 'kubectl get nodes']);
    state = typed('kubectl ver', state);
    state = typed('\x1b[A', state);
    expect(state.buffer).toBe('kubectl get nodes');
    state = typed('\x1b[A\x1b[A', state);
    expect(state.buffer).toBe('kubectl get pods');
    state = typed('\x1b[B\x1b[B', state);
    expect(state).toMatchObject({ buffer: 'kubectl ver', cursor: 11 });
  });

  it('adds a run line to the history once, and not an empty one', () => {
    let { next } = submitLine(typed('kubectl get pods'));
    expect(next).toMatchObject({ buffer: '', history: ['kubectl get pods'] });
    next = submitLine(typed('kubectl get pods', next)).next;
    next = submitLine(typed('   ', next)).next;
    expect(next.history).toEqual(['kubectl get pods']);
  });
});

describe('completion', () => {
  it('takes a single candidate with a space, extends to a shared prefix, lists when stuck', () => {
    const single = complete(typed('kubectl get po'), ['pods', 'nodes']);
    expect(single.next.buffer).toBe('kubectl get pods ');
    const shared = complete(typed('kubectl get pods -n kube-'), ['kube-system', 'kube-public']);
    expect(shared.next.buffer).toBe('kubectl get pods -n kube-');
    expect(shared.choices).toEqual(['kube-public', 'kube-system']);
    const extended = complete(typed('kubectl get pods -n k'), ['kube-system', 'kube-public']);
    expect(extended.next.buffer).toBe('kubectl get pods -n kube-');
    expect(complete(typed('kubectl get x'), ['pods']).choices).toEqual([]);
  });

  it('completes the word at the cursor, keeping what follows', () => {
    const state = typed('kubectl get de -A\x1b[D\x1b[D\x1b[D');
    expect(complete(state, ['deployments']).next).toMatchObject({
      buffer: 'kubectl get deployments  -A',
      cursor: 24,
    });
  });
});

describe('drawing the line', () => {
  async function draw(columns: number, states: Pick<LineState, 'buffer' | 'cursor'>[]) {
    const terminal = new Terminal({ cols: columns, rows: 10, allowProposedApi: true });
    let row = 0;
    for (const state of states) {
      const { output, cursorRow } = renderLine('$ ', 2, state, columns, row);
      row = cursorRow;
      await new Promise<void>((resolve) => terminal.write(output, resolve));
    }
    const buffer = terminal.buffer.active;
    const lines = Array.from(
      { length: 4 },
      (_, index) => buffer.getLine(index)?.translateToString(true) ?? '',
    );
    return { lines, x: buffer.cursorX, y: buffer.cursorY };
  }

  it('redraws a line that wraps, with the cursor where the learner left it', async () => {
    const long = 'kubectl get pods --all-namespaces';
    const screen = await draw(10, [
      { buffer: long, cursor: long.length },
      { buffer: long.slice(0, 20), cursor: 5 },
    ]);
    expect(screen.lines).toEqual(['$ kubectl ', 'get pods -', '-a', '']);
    expect({ x: screen.x, y: screen.y }).toEqual({ x: 7, y: 0 });
  });

  it('moves to the next row when the line exactly fills one', async () => {
    const screen = await draw(10, [
      { buffer: 'kubectl ', cursor: 8 },
      { buffer: 'kubectl g', cursor: 9 },
    ]);
    expect(screen.lines.slice(0, 2)).toEqual(['$ kubectl ', 'g']);
    expect({ x: screen.x, y: screen.y }).toEqual({ x: 1, y: 1 });
  });
});
