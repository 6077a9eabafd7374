import type { StorylineDefinition } from '../scenario/storyline';
import { cryptoMinerDaemonSet } from './cryptoMinerDaemonSet';
import { dockerSocketEscape } from './dockerSocketEscape';
import { privilegedPodEscape } from './privilegedPodEscape';
import { stolenTokenEscalation } from './stolenTokenEscalation';

/** Every storyline the simulation can play, by id (scenario files name one in `storyline`). */
export const STORYLINES: readonly StorylineDefinition[] = [
  privilegedPodEscape,
  dockerSocketEscape,
  stolenTokenEscalation,
  cryptoMinerDaemonSet,
];

export function findStoryline(id: string): StorylineDefinition | undefined {
  return STORYLINES.find((storyline) => storyline.id === id);
}
