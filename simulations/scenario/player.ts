import { createDaemonSet, createJob } from '../cluster/controllers';
import { entraUser, nodeUser, serviceAccountUser } from '../cluster/identities';
import type { ClusterWorld, PodState, Requester } from '../cluster/world';
import type { StorylineRuntimeHooks } from './hooks';
import type { PodRef, StepAction, Storyline } from './storyline';

/**
 * Plays a storyline on the live cluster: each step at its offset from the attack start, each action
 * through the same paths background activity uses (API server, kubelet, runtime), so the attack leaves
 * exactly the traces the real thing would.
 */
export class StorylinePlayer {
  private readonly pinned = new Map<string, PodState>();
  /** Virtual times at which each step actually ran. */
  readonly stepTimes: number[] = [];

  constructor(
    private readonly world: ClusterWorld,
    private readonly storyline: Storyline,
    private readonly hooks: StorylineRuntimeHooks,
  ) {}

  /** The pods the storyline acted on (the compromised ones), as resolved when its steps ran. */
  get pinnedPods(): PodState[] {
    return [...new Set(this.pinned.values())];
  }

  schedule(attackStartMs: number): void {
    this.storyline.steps.forEach((step, index) => {
      const at = attackStartMs + step.at * 1000;
      this.stepTimes[index] = at;
      this.hooks.clock.at(at, () => {
        for (const action of step.actions) this.perform(action);
      });
    });
  }

  resolvePod(ref: PodRef): PodState | undefined {
    const key = 'name' in ref ? `${ref.namespace}/${ref.name}` : `${ref.namespace}/@${ref.workload}`;
    const pinned = this.pinned.get(key);
    if (pinned) return this.world.pods.has(pinned.uid) ? pinned : undefined;
    let pod: PodState | undefined;
    if ('name' in ref) pod = this.world.findPod(ref.namespace, ref.name);
    else {
      const candidates = [...this.world.pods.values()]
        .filter(
          (p) => p.namespace === ref.namespace && p.workload?.name === ref.workload && p.phase === 'Running',
        )
        .sort((a, b) => a.name.localeCompare(b.name));
      pod = candidates.length > 0 ? this.world.random.pick(candidates) : undefined;
    }
    if (pod) this.pinned.set(key, pod);
    return pod;
  }

  private requester(actorId: string): Requester {
    const actor = this.storyline.actors[actorId];
    if (!actor) throw new Error(`Storyline ${this.storyline.id}: unknown actor "${actorId}"`);
    if (actor.kind === 'user')
      return {
        user: entraUser(actor.upn, actor.oid, actor.admin === true),
        sourceIp: actor.sourceIp,
        userAgent: actor.userAgent,
      };
    if (actor.kind === 'node')
      return { user: nodeUser(actor.node), sourceIp: actor.sourceIp, userAgent: actor.userAgent };
    if (actor.kind === 'serviceAccount')
      return {
        user: serviceAccountUser(
          actor.namespace,
          actor.name,
          this.world.serviceAccountUid(actor.namespace, actor.name),
        ),
        sourceIp: actor.sourceIp,
        userAgent: actor.userAgent,
      };
    const pod = this.resolvePod(actor.pod);
    const known = pod ?? [...this.pinned.values()].find((p) => p.namespace === actor.pod.namespace);
    if (!known) throw new Error(`Storyline ${this.storyline.id}: actor "${actorId}" needs a running pod`);
    // A stolen projected token keeps naming the pod it was issued to, wherever it is used from.
    return { user: this.world.podIdentity(known), sourceIp: actor.sourceIp, userAgent: actor.userAgent };
  }

  private perform(action: StepAction): void {
    const world = this.world;
    switch (action.type) {
      case 'api': {
        const code = world.call(this.requester(action.actor), {
          verb: action.verb,
          resource: action.resource,
          subresource: action.subresource,
          namespace: action.namespace,
          name: action.name,
          apiGroup: action.apiGroup,
          apiVersion: action.apiGroup && action.apiGroup.includes('.') ? 'v1' : undefined,
          query: action.query,
          requestUri: action.requestUri,
          requestObject: action.requestObject,
          code: action.code,
          message: action.message,
        });
        if (code < 400 && action.grants) {
          const role = action.grants.clusterRole;
          if (role) world.authorizerAddRole(role);
          const binding = action.grants.clusterRoleBinding;
          if (binding)
            world.authorizerAddBinding({
              name: binding.name,
              roleKind: 'ClusterRole',
              roleName: binding.role,
              subjects: [{ kind: 'ServiceAccount', ...binding.serviceAccount }],
            });
        }
        return;
      }
      case 'createPod': {
        const node = action.node ? world.nodes.find((n) => n.name === action.node) : undefined;
        world.createPod({
          template: action.template,
          namespace: action.namespace,
          name: action.name,
          node,
          requester: this.requester(action.actor),
          fieldManager: action.fieldManager,
        });
        return;
      }
      case 'createDaemonSet': {
        createDaemonSet(world, action.workload, this.requester(action.actor));
        return;
      }
      case 'createJob': {
        const node = action.node ? world.nodes.find((n) => n.name === action.node) : undefined;
        createJob(world, action.job, this.requester(action.actor), node);
        return;
      }
      case 'connect': {
        const pod = this.resolvePod(action.pod);
        const container = pod?.containers.find((c) => c.spec.name === action.container) ?? pod?.containers[0];
        const main = pod?.runtime?.processes.find((p) => p.cmdline === container?.spec.process?.cmdline);
        if (pod && main)
          world.connect(
            { pod, container: container?.spec.name },
            main,
            action.ip,
            action.port,
            action.domain,
          );
        return;
      }
      case 'deletePod': {
        const pod = this.resolvePod(action.pod);
        if (pod) world.deletePod(pod, this.requester(action.actor));
        return;
      }
      case 'exec': {
        const pod = this.resolvePod(action.pod);
        if (pod)
          world.exec(pod, this.requester(action.actor), action.command, {
            container: action.container,
            tty: action.tty,
            user: action.user,
          });
        return;
      }
      case 'process': {
        const pod = action.pod ? this.resolvePod(action.pod) : undefined;
        if (action.pod && !pod) return;
        const node = pod?.node ?? world.nodes.find((n) => n.name === action.node) ?? world.nodes[0]!;
        const target = { pod, node, container: action.container };
        const process = world.runProcess(target, {
          exe: action.exe,
          cmdline: action.cmdline,
          parentExe: action.parentExe,
          user: action.user,
          tty: action.tty,
          inHostNamespaces: action.inHostNamespaces,
        });
        for (const file of action.files ?? []) world.accessFile(target, process, file.path, file.operation);
        for (const connection of action.connections ?? [])
          world.connect(target, process, connection.ip, connection.port, connection.domain);
        return;
      }
      case 'http': {
        const pod = this.resolvePod(action.pod);
        if (pod)
          this.hooks.traffic.request(action.client, {
            method: action.method,
            path: action.path,
            status: action.status,
            bytes: action.bytes,
            userAgent: action.userAgent,
            pod,
          });
        return;
      }
      case 'log': {
        const pod = this.resolvePod(action.pod);
        const now = this.hooks.clock.now();
        const iso = new Date(now).toISOString().slice(0, 19);
        const message = action.message
          .replace('{time}', `${iso}Z`)
          .replace('{clock}', `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11)}`);
        if (pod)
          this.hooks.logs.write(
            pod,
            action.container ?? pod.containers[0]!.spec.name,
            now,
            message,
            action.source ?? 'stdout',
          );
        return;
      }
    }
  }
}
