import type { StorylineDefinition } from '../scenario/storyline';
import { cryptoMinerDaemonSet } from './cryptoMinerDaemonSet';
import { dockerSocketEscape } from './dockerSocketEscape';
import { exposedDashboard } from './exposedDashboard';
import { hostNamespacesNsenter } from './hostNamespacesNsenter';
import { hostPathKubeletCredentials } from './hostPathKubeletCredentials';
import { privilegedPodEscape } from './privilegedPodEscape';
import { stolenTokenEscalation } from './stolenTokenEscalation';
import { webShellReverseShell } from './webShellReverseShell';

/** Every storyline the simulation can play, by id (scenario files name one in `storyline`). */
export const STORYLINES: readonly StorylineDefinition[] = [
  privilegedPodEscape,
  dockerSocketEscape,
  stolenTokenEscalation,
  cryptoMinerDaemonSet,
  exposedDashboard,
  hostPathKubeletCredentials,
  webShellReverseShell,
  hostNamespacesNsenter,
];

export function findStoryline(id: string): StorylineDefinition | undefined {
  return STORYLINES.find((storyline) => storyline.id === id);
}
