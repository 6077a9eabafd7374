import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type CallContext } from './index';
import { run, runError, testEngine } from '../testing/testEngine';

const context: CallContext = { argTypes: [], resultType: 'dynamic', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

describe('indexof (docs examples)', () => {
  it('start, length and negative start', () => {
    expect(call('indexof', 'abcdefg', 'cde')).toBe(2);
    expect(call('indexof', 'abcdefg', 'cde', 1, 4)).toBe(2);
    expect(call('indexof', 'abcdefg', 'cde', 1, 2)).toBe(-1);
    expect(call('indexof', 'abcdefg', 'cde', 3, 4)).toBe(-1);
    expect(call('indexof', 'abcdefg', 'cde', -5)).toBe(2);
    expect(call('indexof', 'abcdefg', 'cde', 2, -1)).toBe(2);
  });

  it('occurrence: each further search examines length positions from one past the previous match', () => {
    expect(call('indexof', 'abcdefgabcdefg', 'cde', 1, 10, 2)).toBe(9);
    expect(call('indexof', 'abcdefgabcdefg', 'cde', 1, -1, 3)).toBe(-1);
    expect(call('indexof', 'abcdefgabcdefg', 'cde', 0, -1, 2)).toBe(9);
    expect(call('indexof', 'abcdefgabcdefg', 'cde', 0, 5, 2)).toBe(-1);
  });
});

describe('parse_path (docs example)', () => {
  const parts = (
    Scheme: string,
    RootPath: string,
    DirectoryPath: string,
    DirectoryName: string,
    Filename: string,
    Extension: string,
    AlternateDataStreamName: string,
  ) => ({ Scheme, RootPath, DirectoryPath, DirectoryName, Filename, Extension, AlternateDataStreamName });

  it('drives, relative and shared paths, schemes and alternate data streams', () => {
    expect(call('parse_path', 'C:\\temp\\file.txt')).toEqual(
      parts('', 'C:', 'C:\\temp', 'temp', 'file.txt', 'txt', ''),
    );
    expect(call('parse_path', 'temp\\file.txt')).toEqual(
      parts('', '', 'temp', 'temp', 'file.txt', 'txt', ''),
    );
    expect(call('parse_path', 'file://C:/temp/file.txt:some.exe')).toEqual(
      parts('file', 'C:', 'C:/temp', 'temp', 'file.txt', 'txt', 'some.exe'),
    );
    expect(call('parse_path', '\\\\shared\\users\\temp\\file.txt.gz')).toEqual(
      parts('', '', '\\\\shared\\users\\temp', 'temp', 'file.txt.gz', 'gz', ''),
    );
    expect(call('parse_path', '/usr/lib/temp/file.txt')).toEqual(
      parts('', '', '/usr/lib/temp', 'temp', 'file.txt', 'txt', ''),
    );
  });
});

describe('range()', () => {
  it('steps from start to stop inclusive (docs examples)', () => {
    expect(call('range', 1, 8, 3)).toEqual([1, 4, 7]);
    expect(call('range', 1, 3)).toEqual([1, 2, 3]);
  });

  it('holds at most 1,048,576 elements (docs example: range(1, 1000000000))', () => {
    expect((call('range', 1, 1_000_000_000) as unknown[]).length).toBe(1_048_576);
  });
});

describe('bin_auto() reads the bin size and fixed point from set statements', () => {
  const engine = testEngine();

  it('bins to query_bin_auto_size shifted to query_bin_auto_at (docs example)', () => {
    const result = run(
      engine,
      `set query_bin_auto_size=1h;
      set query_bin_auto_at=datetime(2017-01-01 00:05);
      range Timestamp from datetime(2017-01-01 00:05) to datetime(2017-01-01 02:00) step 1m
      | summarize count() by bin_auto(Timestamp)`,
    );
    expect(result.columns).toEqual(['Timestamp', 'count_']);
    expect(result.rows).toEqual([
      ['2017-01-01T00:05:00Z', 60],
      ['2017-01-01T01:05:00Z', 56],
    ]);
  });

  it('defaults the fixed point to 0 and says what is missing without a size', () => {
    expect(run(engine, 'set query_bin_auto_size=10; print bin_auto(27), bin_auto(-3)').rows).toEqual([
      [20, -10],
    ]);
    expect(runError(engine, 'print bin_auto(27)').message).toMatch(/query_bin_auto_size/);
  });
});
