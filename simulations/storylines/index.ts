import type { Storyline } from '../scenario/storyline';
import { cryptoMinerDaemonSet } from './cryptoMinerDaemonSet';
import { dockerSocketEscape } from './dockerSocketEscape';
import { privilegedPodEscape } from './privilegedPodEscape';
import { stolenTokenEscalation } from './stolenTokenEscalation';

/** Every storyline the simulation can play, by id (scenario files name one in `storyline`). */
export const STORYLINES: readonly Storyline[] = [
  privilegedPodEscape,
  dockerSocketEscape,
  stolenTokenEscalation,
  cryptoMinerDaemonSet,
];

export function findStoryline(id: string): Storyline | undefined {
  return STORYLINES.find((storyline) => storyline.id === id);
}
