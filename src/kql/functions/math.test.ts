import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';

const context: CallContext = { argTypes: [], resultType: 'real', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

describe('beta distribution (docs examples)', () => {
  it('beta_cdf', () => {
    expect(call('beta_cdf', 0.9, 10, 20)).toBeCloseTo(0.999999999999959, 14);
    expect(call('beta_cdf', 1.5, 10, 20)).toBeNaN();
    expect(call('beta_cdf', -10, 10, 20)).toBeNaN();
    expect(call('beta_cdf', 0.1, -1, 20)).toBeNaN();
  });

  it('beta_pdf', () => {
    expect(call('beta_pdf', 0.5, 10, 20)).toBeCloseTo(0.746176019310951, 13);
    expect(call('beta_pdf', 1.5, 10, 20)).toBeNaN();
    expect(call('beta_pdf', 0.1, -1, 20)).toBeNaN();
  });

  it('beta_inv', () => {
    expect(call('beta_inv', 0.1, 10, 20)).toBeCloseTo(0.226415022388749, 13);
    expect(call('beta_inv', 1.5, 10, 20)).toBeNull();
    expect(call('beta_inv', 0.1, -1, 20)).toBeNaN();
    expect(call('beta_cdf', call('beta_inv', 0.3, 2, 5), 2, 5)).toBeCloseTo(0.3, 12);
  });

  it('propagates null', () => {
    expect(call('beta_cdf', null, 1, 1)).toBeNull();
  });
});
