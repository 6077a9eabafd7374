import type { ContainerSpec, ImageSpec, JsonObject, PodTemplate } from './types';

export function imageReference(image: ImageSpec): string {
  return image.reference ?? `${image.registry}/${image.repository}:${image.tag}`;
}

function containerObject(container: ContainerSpec): JsonObject {
  return {
    name: container.name,
    image: imageReference(container.image),
    ...(container.command ? { command: container.command } : {}),
    ...(container.args ? { args: container.args } : {}),
    ...(container.ports ? { ports: container.ports.map((p) => ({ protocol: 'TCP', ...p })) } : {}),
    resources: {},
    ...(container.volumeMounts ? { volumeMounts: container.volumeMounts } : {}),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
    ...(container.securityContext ? { securityContext: container.securityContext } : {}),
  };
}

/** The Pod object a client or controller sends to the API server (`requestObject` of `create pods`). */
export function podObject(
  name: string,
  namespace: string,
  template: PodTemplate,
  owner?: { kind: string; name: string; uid: string },
  generateName?: string,
): JsonObject {
  const spec: JsonObject = {
    ...(template.volumes ? { volumes: template.volumes } : {}),
    ...(template.initContainers ? { initContainers: template.initContainers.map(containerObject) } : {}),
    containers: template.containers.map(containerObject),
    restartPolicy: owner?.kind === 'Job' ? 'Never' : 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: template.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    serviceAccountName: template.serviceAccount,
    ...(template.automountServiceAccountToken === false ? { automountServiceAccountToken: false } : {}),
    ...(template.hostNetwork ? { hostNetwork: true } : {}),
    ...(template.hostPID ? { hostPID: true } : {}),
    ...(template.hostIPC ? { hostIPC: true } : {}),
    ...(template.nodePool ? { nodeSelector: { agentpool: template.nodePool } } : {}),
    securityContext: template.securityContext ?? {},
    schedulerName: 'default-scheduler',
  };
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      ...(generateName ? { generateName } : { name }),
      namespace,
      creationTimestamp: null,
      labels: template.labels,
      ...(owner
        ? {
            ownerReferences: [
              {
                apiVersion: owner.kind === 'Job' ? 'batch/v1' : 'apps/v1',
                kind: owner.kind,
                name: owner.name,
                uid: owner.uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec,
    status: {},
  };
}
