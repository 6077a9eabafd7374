import type { Storyline, StorylineDefinition } from '../scenario/storyline';
import { cryptoMinerDaemonSet } from './cryptoMinerDaemonSet';
import { dockerSocketEscape } from './dockerSocketEscape';
import { exposedDashboard } from './exposedDashboard';
import { hostPathKubeletCredentials } from './hostPathKubeletCredentials';
import { privilegedPodEscape } from './privilegedPodEscape';
import { stolenTokenEscalation } from './stolenTokenEscalation';
import { webShellReverseShell } from './webShellReverseShell';

/** A storyline whose indicators do not depend on the seed. */
function fixed(storyline: Storyline): StorylineDefinition {
  return { id: storyline.id, title: storyline.title, summary: storyline.summary, build: () => storyline };
}

/** Every storyline the simulation can play, by id (scenario files name one in `storyline`). */
export const STORYLINES: readonly StorylineDefinition[] = [
  fixed(privilegedPodEscape),
  fixed(dockerSocketEscape),
  fixed(stolenTokenEscalation),
  fixed(cryptoMinerDaemonSet),
  exposedDashboard,
  hostPathKubeletCredentials,
  webShellReverseShell,
];

export function findStoryline(id: string): StorylineDefinition | undefined {
  return STORYLINES.find((storyline) => storyline.id === id);
}
