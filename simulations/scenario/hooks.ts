import type { SimulatedClock } from '../core/simulatedClock';
import type { ContainerLogWriter, StorefrontTraffic } from '../telemetry/containerLogs';

/** The parts of the running simulation a storyline's actions reach besides the cluster itself. */
export interface StorylineRuntimeHooks {
  clock: SimulatedClock;
  traffic: StorefrontTraffic;
  logs: ContainerLogWriter;
}
