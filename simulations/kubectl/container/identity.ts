import type { PodState } from '../../cluster/podState';
import type { ServiceSpec } from '../../cluster/types';

const KNOWN_USERS: Record<string, [number, number]> = {
  root: [0, 0],
  'www-data': [33, 33],
  nginx: [101, 101],
  nobody: [65534, 65534],
  app: [1654, 1654],
};

/** `id` for the user the exec runs as (the container's user: runAsUser, else the image's). */
export function idOutput(user: string): string {
  const numeric = /^\d+$/.test(user);
  const [uid, gid] = numeric ? [Number(user), Number(user)] : (KNOWN_USERS[user] ?? [1000, 1000]);
  const name = numeric ? '' : `(${user})`;
  if (numeric) return `uid=${uid} gid=${gid} groups=${gid}\n`;
  return `uid=${uid}${name} gid=${gid}${name} groups=${gid}${name}\n`;
}

function serviceVariables(service: ServiceSpec): string[] {
  const prefix = service.name.toUpperCase().replace(/-/g, '_');
  const port = service.ports[0];
  if (!port) return [];
  const proto = port.protocol.toLowerCase();
  return [
    `${prefix}_SERVICE_HOST=${service.clusterIp}`,
    `${prefix}_SERVICE_PORT=${port.port}`,
    `${prefix}_PORT=${proto}://${service.clusterIp}:${port.port}`,
    `${prefix}_PORT_${port.port}_${port.protocol}=${proto}://${service.clusterIp}:${port.port}`,
    `${prefix}_PORT_${port.port}_${port.protocol}_PROTO=${proto}`,
    `${prefix}_PORT_${port.port}_${port.protocol}_PORT=${port.port}`,
    `${prefix}_PORT_${port.port}_${port.protocol}_ADDR=${service.clusterIp}`,
  ];
}

/** `env`: the image's PATH and HOME, HOSTNAME, and the service links the kubelet injects for the namespace. */
export function envOutput(pod: PodState, services: readonly ServiceSpec[]): string {
  const kubernetes = services.find((s) => s.namespace === 'default' && s.name === 'kubernetes');
  const lines = [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    `HOSTNAME=${pod.template.hostNetwork ? pod.node.name : pod.name}`,
    ...services.filter((s) => s.namespace === pod.namespace).flatMap(serviceVariables),
    ...(kubernetes && pod.namespace !== 'default' ? serviceVariables(kubernetes) : []),
    'HOME=/root',
  ];
  return `${lines.join('\n')}\n`;
}
