/**
 * The terminal's command line as data: what the learner typed, where the cursor is, and the history walked with ↑/↓.
 * Keys arrive from xterm as the bytes a terminal sends (`keyActions` names them), and `renderLine` says what to write
 * to redraw the line, also when it wraps. Pure functions, so every key is tested without a browser.
 */

export interface LineState {
  readonly buffer: string;
  readonly cursor: number;
  readonly history: readonly string[];
  /** Position in `history` while walking it; `history.length` is the line being written. */
  readonly historyIndex: number;
  /** The line being written, kept while the learner walks the history. */
  readonly draft: string;
}

export type LineAction =
  | { readonly kind: 'insert'; readonly text: string }
  | {
      readonly kind:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'word-left'
        | 'word-right'
        | 'home'
        | 'end'
        | 'up'
        | 'down'
        | 'tab'
        | 'interrupt'
        | 'end-of-input'
        | 'clear-screen'
        | 'kill-to-start'
        | 'kill-to-end'
        | 'kill-word';
    };

export function emptyLine(history: readonly string[] = []): LineState {
  return { buffer: '', cursor: 0, history, historyIndex: history.length, draft: '' };
}

const SEQUENCES: readonly [string, LineAction['kind']][] = [
  ['\x1b[1;5D', 'word-left'],
  ['\x1b[1;5C', 'word-right'],
  ['\x1b[3~', 'delete'],
  ['\x1b[A', 'up'],
  ['\x1b[B', 'down'],
  ['\x1b[C', 'right'],
  ['\x1b[D', 'left'],
  ['\x1b[H', 'home'],
  ['\x1b[F', 'end'],
  ['\x1bOH', 'home'],
  ['\x1bOF', 'end'],
  ['\x1b[1~', 'home'],
  ['\x1b[4~', 'end'],
  ['\x1bb', 'word-left'],
  ['\x1bf', 'word-right'],
];

const CONTROLS: Readonly<Record<string, LineAction['kind']>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x03': 'interrupt',
  '\x04': 'end-of-input',
  '\x0c': 'clear-screen',
  '\x01': 'home',
  '\x05': 'end',
  '\x15': 'kill-to-start',
  '\x0b': 'kill-to-end',
  '\x17': 'kill-word',
};

/** Splits what xterm sent (one key, or a whole paste) into actions; unknown escape sequences are dropped. */
export function keyActions(data: string): LineAction[] {
  const actions: LineAction[] = [];
  let text = '';
  const flush = () => {
    if (text) actions.push({ kind: 'insert', text });
    text = '';
  };
  let index = 0;
  while (index < data.length) {
    const sequence =
      data[index] === '\x1b' ? SEQUENCES.find(([bytes]) => data.startsWith(bytes, index)) : undefined;
    if (sequence) {
      flush();
      actions.push({ kind: sequence[1] } as LineAction);
      index += sequence[0].length;
      continue;
    }
    const char = data[index]!;
    if (char === '\x1b') {
      // An escape sequence this line does not use (function keys, …): skip it whole.
      flush();
      const match = /^(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|.)?/.exec(data.slice(index + 1));
      index += 1 + (match?.[0].length ?? 0);
      continue;
    }
    const control = CONTROLS[char];
    if (control) {
      flush();
      actions.push({ kind: control } as LineAction);
      // A pasted Windows line end is one Enter.
      index += char === '\r' && data[index + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (char >= ' ') text += char;
    index += 1;
  }
  flush();
  return actions;
}

function edited(state: LineState, buffer: string, cursor: number): LineState {
  return { ...state, buffer, cursor, historyIndex: state.history.length, draft: buffer };
}

function wordStartBefore(buffer: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && buffer[index - 1] === ' ') index--;
  while (index > 0 && buffer[index - 1] !== ' ') index--;
  return index;
}

function wordEndAfter(buffer: string, cursor: number): number {
  let index = cursor;
  while (index < buffer.length && buffer[index] === ' ') index++;
  while (index < buffer.length && buffer[index] !== ' ') index++;
  return index;
}

function fromHistory(state: LineState, historyIndex: number): LineState {
  const buffer = historyIndex === state.history.length ? state.draft : state.history[historyIndex]!;
  return { ...state, buffer, cursor: buffer.length, historyIndex };
}

/** The line after an editing action; enter, tab, interrupt, end-of-input and clear-screen are the caller's. */
export function applyAction(state: LineState, action: LineAction): LineState {
  const { buffer, cursor } = state;
  switch (action.kind) {
    case 'insert': {
      const text = action.text;
      return edited(state, buffer.slice(0, cursor) + text + buffer.slice(cursor), cursor + text.length);
    }
    case 'backspace':
      return cursor === 0
        ? state
        : edited(state, buffer.slice(0, cursor - 1) + buffer.slice(cursor), cursor - 1);
    case 'delete':
      return cursor >= buffer.length
        ? state
        : edited(state, buffer.slice(0, cursor) + buffer.slice(cursor + 1), cursor);
    case 'left':
      return { ...state, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { ...state, cursor: Math.min(buffer.length, cursor + 1) };
    case 'word-left':
      return { ...state, cursor: wordStartBefore(buffer, cursor) };
    case 'word-right':
      return { ...state, cursor: wordEndAfter(buffer, cursor) };
    case 'home':
      return { ...state, cursor: 0 };
    case 'end':
      return { ...state, cursor: buffer.length };
    case 'kill-to-start':
      return edited(state, buffer.slice(cursor), 0);
    case 'kill-to-end':
      return edited(state, buffer.slice(0, cursor), cursor);
    case 'kill-word': {
      const start = wordStartBefore(buffer, cursor);
      return edited(state, buffer.slice(0, start) + buffer.slice(cursor), start);
    }
    case 'up':
      return state.historyIndex === 0 ? state : fromHistory(state, state.historyIndex - 1);
    case 'down':
      return state.historyIndex >= state.history.length ? state : fromHistory(state, state.historyIndex + 1);
    default:
      return state;
  }
}

/** The line is run: it joins the history (unless empty or the same as the last) and a new line starts. */
export function submitLine(state: LineState): { line: string; next: LineState } {
  const line = state.buffer;
  const history =
    line.trim() === '' || state.history[state.history.length - 1] === line
      ? state.history
      : [...state.history, line];
  return { line, next: emptyLine(history) };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Completes the word before the cursor from the candidates the cluster offered for it: one candidate is taken with
 * a space after it; several extend the word to what they share, and are listed when they share nothing more.
 */
export function complete(
  state: LineState,
  candidates: readonly string[],
): { next: LineState; choices: string[] } {
  const start = state.buffer.lastIndexOf(' ', state.cursor - 1) + 1;
  const word = state.buffer.slice(start, state.cursor);
  const matching = [...new Set(candidates.filter((candidate) => candidate.startsWith(word)))].sort();
  if (matching.length === 0) return { next: state, choices: [] };
  const replacement = matching.length === 1 ? `${matching[0]!} ` : commonPrefix(matching);
  if (replacement === word) return { next: state, choices: matching };
  const buffer = state.buffer.slice(0, start) + replacement + state.buffer.slice(state.cursor);
  return { next: edited(state, buffer, start + replacement.length), choices: [] };
}

/** Where the terminal's cursor is after writing `length` characters from a row's start (xterm wraps lazily). */
function rowOf(length: number, columns: number): number {
  return length > 0 && length % columns === 0 ? length / columns - 1 : Math.floor(length / columns);
}

/**
 * What to write to redraw the prompt and line: back to the line's first row, clear below, write it, and put the
 * cursor in place. `cursorRow` is the row (from the line's first) the cursor was left on by the previous draw.
 */
export function renderLine(
  prompt: string,
  promptWidth: number,
  state: Pick<LineState, 'buffer' | 'cursor'>,
  columns: number,
  cursorRow: number,
): { output: string; cursorRow: number } {
  const end = promptWidth + state.buffer.length;
  const target = promptWidth + state.cursor;
  let output = cursorRow > 0 ? `\x1b[${cursorRow}A\r` : '\r';
  output += `\x1b[J${prompt}${state.buffer}`;
  // At the very end of a full row the cursor waits at the last column: a space and a return make the wrap real.
  let row = rowOf(end, columns);
  if (end > 0 && end % columns === 0) {
    output += ' \r';
    row += 1;
  }
  const targetRow = Math.floor(target / columns);
  if (row > targetRow) output += `\x1b[${row - targetRow}A`;
  output += `\x1b[${(target % columns) + 1}G`;
  return { output, cursorRow: targetRow };
}
