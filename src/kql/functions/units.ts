/**
 * convert_angle/energy/force/length/mass/speed/temperature/volume. Kusto converts with UnitsNet and names units by
 * UnitsNet's singular names ('Meter', 'DegreeCelsius', 'BritishThermalUnit'); unitsnet-js is the generated port of
 * the same unit tables. Each quantity is imported from its own module so the bundle carries only these eight.
 */
import { Angle, AngleUnits } from 'unitsnet-js/dist/gen-units/angle.g';
import { Energy, EnergyUnits } from 'unitsnet-js/dist/gen-units/energy.g';
import { Force, ForceUnits } from 'unitsnet-js/dist/gen-units/force.g';
import { Length, LengthUnits } from 'unitsnet-js/dist/gen-units/length.g';
import { Mass, MassUnits } from 'unitsnet-js/dist/gen-units/mass.g';
import { Speed, SpeedUnits } from 'unitsnet-js/dist/gen-units/speed.g';
import { Temperature, TemperatureUnits } from 'unitsnet-js/dist/gen-units/temperature.g';
import { Volume, VolumeUnits } from 'unitsnet-js/dist/gen-units/volume.g';
import { str, toNumber, type ScalarFunction } from './helpers';

interface Quantity<U> {
  convert(toUnit: U): number;
}

/** A convert_* function over one UnitsNet quantity; an unknown unit gives null, as in Kusto. */
function converter<U extends string>(
  units: Record<string, U>,
  create: (value: number, unit: U) => Quantity<U>,
): ScalarFunction {
  const byName = new Map<string, U>();
  for (const unit of Object.values(units)) byName.set(unit.toLowerCase(), unit);
  return ([value, from, to]) => {
    const number = toNumber(value);
    const fromUnit = byName.get(str(from).trim().toLowerCase());
    const toUnit = byName.get(str(to).trim().toLowerCase());
    if (number === null || fromUnit === undefined || toUnit === undefined) return null;
    return create(number, fromUnit).convert(toUnit);
  };
}

export const UNIT_FUNCTIONS: Record<string, ScalarFunction> = {
  convert_angle: converter(AngleUnits, (v, u) => new Angle(v, u)),
  convert_energy: converter(EnergyUnits, (v, u) => new Energy(v, u)),
  convert_force: converter(ForceUnits, (v, u) => new Force(v, u)),
  convert_length: converter(LengthUnits, (v, u) => new Length(v, u)),
  convert_mass: converter(MassUnits, (v, u) => new Mass(v, u)),
  convert_speed: converter(SpeedUnits, (v, u) => new Speed(v, u)),
  convert_temperature: converter(TemperatureUnits, (v, u) => new Temperature(v, u)),
  convert_volume: converter(VolumeUnits, (v, u) => new Volume(v, u)),
};
