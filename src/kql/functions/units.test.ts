import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';

const context: CallContext = { argTypes: [], resultType: 'real', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context) as number | null;

describe('convert_* (docs examples)', () => {
  it.each([
    ['convert_angle', 'Degree', 'Arcminute', 72],
    ['convert_energy', 'Joule', 'BritishThermalUnit', 0.00113738054437598],
    ['convert_force', 'Newton', 'Decanewton', 0.12],
    ['convert_length', 'Meter', 'Foot', 3.93700787401575],
    ['convert_speed', 'MeterPerSecond', 'CentimeterPerHour', 432000],
    ['convert_temperature', 'Kelvin', 'DegreeCelsius', -271.95],
    ['convert_volume', 'CubicMeter', 'AcreFoot', 0.0009728568],
  ])('%s(1.2, %s, %s)', (name, from, to, expected) => {
    expect(call(name, 1.2, from, to)).toBeCloseTo(expected, 12);
  });

  it('converts mass and gives null for an unknown unit or a null value', () => {
    expect(call('convert_mass', 1, 'Kilogram', 'Gram')).toBeCloseTo(1000, 9);
    expect(call('convert_length', 1, 'Meter', 'Parsnip')).toBeNull();
    expect(call('convert_length', null, 'Meter', 'Foot')).toBeNull();
  });
});
