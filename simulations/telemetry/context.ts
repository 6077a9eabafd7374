import type { Random } from '../../src/shared/random';
import type { RowWriter } from '../core/rowWriter';
import type { SimulatedClock } from '../core/simulatedClock';

/** What every emitter needs: virtual time, its own random stream and the row writer. */
export interface EmitContext {
  clock: SimulatedClock;
  random: Random;
  writer: RowWriter;
  /** Virtual end of the dataset: nothing is written at or after it. */
  endMs: number;
}
