import { describe, expect, it } from 'vitest';
import { compareResultSets, type ResultSet } from './resultSetDiff';

const reference: ResultSet = {
  columns: [
    { name: 'PodName', type: 'string' },
    { name: 'Namespace', type: 'string' },
    { name: 'Alerts', type: 'long' },
  ],
  rows: [
    ['web-1', 'shop', 3],
    ['sys-diag', 'default', 2],
    ['miner', 'kube-system', 1],
  ],
};

describe('compareResultSets', () => {
  it('accepts the same rows in any order when order does not matter', () => {
    const learner = { ...reference, rows: [...reference.rows].reverse() };
    const diff = compareResultSets(learner, reference, false);
    expect(diff.correct).toBe(true);
    expect(diff.feedback).toEqual([]);
  });

  it('asks for the order when the question asks for a sort', () => {
    const learner = { ...reference, rows: [...reference.rows].reverse() };
    const diff = compareResultSets(learner, reference, true);
    expect(diff.correct).toBe(false);
    expect(diff.orderDiffers).toBe(true);
    expect(diff.feedback).toEqual(['The right rows, in the wrong order: the question asks for a sort.']);
  });

  it('ignores extra columns and compares on the reference columns, in any column order', () => {
    const learner: ResultSet = {
      columns: [
        { name: 'Alerts', type: 'long' },
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Namespace', type: 'string' },
        { name: 'PodName', type: 'string' },
      ],
      rows: reference.rows.map(([pod, ns, alerts]) => [alerts!, '2026-01-01T00:00:00Z', ns!, pod!]),
    };
    const diff = compareResultSets(learner, reference, false);
    expect(diff.correct).toBe(true);
    expect(diff.extraColumns).toEqual(['TimeGenerated']);
  });

  it('names a missing column, and a column whose case differs', () => {
    const learner: ResultSet = {
      columns: [
        { name: 'podname', type: 'string' },
        { name: 'Alerts', type: 'long' },
      ],
      rows: [],
    };
    const diff = compareResultSets(learner, reference, false);
    expect(diff.correct).toBe(false);
    expect(diff.missingColumns).toEqual(['PodName', 'Namespace']);
    expect(diff.feedback).toEqual([
      'Column names are case-sensitive: the answer needs "PodName", your result has "podname".',
      'Your result has no column "Namespace".',
    ]);
  });

  it('counts found, missing and extra rows and points at the differing column', () => {
    const learner: ResultSet = {
      columns: reference.columns,
      rows: [
        ['web-1', 'shop', 3],
        ['sys-diag', 'default', 2],
        ['coredns', 'kube-system', 1],
      ],
    };
    const diff = compareResultSets(learner, reference, false);
    expect(diff.correct).toBe(false);
    expect(diff.missingRows).toEqual([['miner', 'kube-system', 1]]);
    expect(diff.extraRows).toEqual([['coredns', 'kube-system', 1]]);
    expect(diff.differingColumns).toEqual(['PodName']);
    expect(diff.feedback).toEqual([
      '2 of 3 expected rows found.',
      'Missing 1 row, for example: (PodName="miner", Namespace="kube-system", Alerts=1).',
      '1 row should not be there, for example: (PodName="coredns", Namespace="kube-system", Alerts=1).',
      'The differences are in "PodName".',
    ]);
  });

  it('counts duplicate rows', () => {
    const learner: ResultSet = { columns: reference.columns, rows: [...reference.rows, reference.rows[0]!] };
    const diff = compareResultSets(learner, reference, false);
    expect(diff.correct).toBe(false);
    expect(diff.extraRows).toEqual([['web-1', 'shop', 3]]);
  });

  it('reports an empty result', () => {
    const diff = compareResultSets({ columns: reference.columns, rows: [] }, reference, false);
    expect(diff.correct).toBe(false);
    expect(diff.feedback[0]).toBe('0 of 3 expected rows found.');
  });
});

describe('compareResultSets on column types', () => {
  it('says when a column has the right name but another type', () => {
    const learner: ResultSet = {
      columns: [
        { name: 'PodName', type: 'string' },
        { name: 'Namespace', type: 'string' },
        { name: 'Alerts', type: 'string' },
      ],
      rows: reference.rows.map(([pod, namespace, alerts]) => [pod!, namespace!, String(alerts)]),
    };
    const diff = compareResultSets(learner, reference, false);
    expect(diff.correct).toBe(false);
    expect(diff.typeMismatches).toEqual([{ name: 'Alerts', expected: 'long', actual: 'string' }]);
    expect(diff.feedback[0]).toBe('Column "Alerts" is of type string in your result; the answer\'s is long.');
  });

  it('counts int and long as the same type', () => {
    const learner: ResultSet = {
      columns: reference.columns.map((column) =>
        column.name === 'Alerts' ? { ...column, type: 'int' } : column,
      ),
      rows: reference.rows,
    };
    expect(compareResultSets(learner, reference, false).correct).toBe(true);
  });
});
