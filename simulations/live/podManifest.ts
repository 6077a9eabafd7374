import { parseAllDocuments } from 'yaml';
import type { ContainerSpec, ImageSpec, JsonObject, PodTemplate, VolumeSpec } from '../cluster/types';

/** A Pod manifest read from YAML or JSON, as the simulation can create it. */
export interface PodManifest {
  name: string;
  namespace?: string;
  template: PodTemplate;
}

export type ManifestReading = { manifest: PodManifest } | { error: string };

/** `ubuntu:22.04` → docker.io/library/ubuntu:22.04, as the container runtime resolves a short reference. */
export function parseImage(reference: string): ImageSpec {
  const [path, tag = 'latest'] = splitTag(reference);
  const parts = path.split('/');
  const hasRegistry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!);
  const registry = hasRegistry ? parts[0]! : 'docker.io';
  const rest = hasRegistry ? parts.slice(1) : parts;
  const repository = registry === 'docker.io' && rest.length === 1 ? `library/${rest[0]}` : rest.join('/');
  return { registry, repository, tag, reference };
}

function splitTag(reference: string): [string, string | undefined] {
  const at = reference.indexOf('@');
  const base = at === -1 ? reference : reference.slice(0, at);
  const colon = base.lastIndexOf(':');
  return colon > base.lastIndexOf('/') ? [base.slice(0, colon), base.slice(colon + 1)] : [base, undefined];
}

const obj = (value: unknown): JsonObject | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function container(value: unknown, index: number, field: string): ContainerSpec | string {
  const c = obj(value);
  if (!c) return `spec.${field}[${index}] must be an object`;
  const name = str(c.name);
  if (!name) return `spec.${field}[${index}].name: Required value`;
  const image = str(c.image);
  if (!image) return `spec.${field}[${index}].image: Required value`;
  const command = arr(c.command).map(String);
  const args = arr(c.args).map(String);
  const entry = [...command, ...args];
  return {
    name,
    image: parseImage(image),
    ...(command.length > 0 ? { command } : {}),
    ...(args.length > 0 ? { args } : {}),
    ...(obj(c.securityContext) ? { securityContext: obj(c.securityContext) } : {}),
    ...(arr(c.ports).length > 0
      ? {
          ports: arr(c.ports).map((p) => {
            const port = obj(p) ?? {};
            return {
              containerPort: Number(port.containerPort),
              ...(port.hostPort !== undefined ? { hostPort: Number(port.hostPort) } : {}),
              ...(str(port.protocol) ? { protocol: str(port.protocol) } : {}),
              ...(str(port.name) ? { name: str(port.name) } : {}),
            };
          }),
        }
      : {}),
    ...(arr(c.volumeMounts).length > 0
      ? {
          volumeMounts: arr(c.volumeMounts).map((m) => {
            const mount = obj(m) ?? {};
            return {
              name: String(mount.name),
              mountPath: String(mount.mountPath),
              ...(mount.readOnly === true ? { readOnly: true } : {}),
            };
          }),
        }
      : {}),
    // What runs as the container's main process: its command, else the image's usual entrypoint.
    process: {
      exe: entry[0] ? (entry[0].startsWith('/') ? entry[0] : `/usr/bin/${entry[0]}`) : '/bin/sh',
      cmdline: entry.length > 0 ? entry.join(' ') : '/bin/sh',
      user:
        obj(c.securityContext)?.runAsUser !== undefined && obj(c.securityContext)?.runAsUser !== 0
          ? String(obj(c.securityContext)?.runAsUser)
          : 'root',
    },
  };
}

/** Reads a Pod manifest (YAML or JSON; one document); `source` names it in messages ("STDIN", a file). */
export function readPodManifest(text: string, source: string): ManifestReading {
  let documents;
  try {
    documents = parseAllDocuments(text);
  } catch (error) {
    return { error: `error: error parsing ${source}: ${(error as Error).message}` };
  }
  const list = Array.isArray(documents) ? documents : [documents];
  const problem = list.flatMap((d) => d.errors)[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    return {
      error: `error: error parsing ${source}: error converting YAML to JSON: yaml: ${line ? `line ${line}: ` : ''}${problem.message.split('\n')[0]}`,
    };
  }
  const objects = list.map((d) => d.toJS() as unknown).filter((o) => o !== null && o !== undefined);
  if (objects.length === 0) return { error: `error: no objects passed to apply` };
  const object = obj(objects[0]);
  if (!object) return { error: `error: error parsing ${source}: the manifest is not an object` };
  const kind = str(object.kind);
  if (!kind || !str(object.apiVersion))
    return {
      error: `error: error validating "${source}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`,
    };
  if (kind !== 'Pod')
    return { error: `error: this simulated cluster applies Pod manifests only; "${source}" is a ${kind}` };
  const metadata = obj(object.metadata) ?? {};
  const name = str(metadata.name);
  if (!name)
    return {
      error: `error: error validating "${source}": error validating data: ValidationError(Pod.metadata): missing required field "name" in io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta; if you choose to ignore these errors, turn validation off with --validate=false`,
    };
  const spec = obj(object.spec) ?? {};
  const containers: ContainerSpec[] = [];
  for (const [index, value] of arr(spec.containers).entries()) {
    const parsed = container(value, index, 'containers');
    if (typeof parsed === 'string') return { error: `The Pod "${name}" is invalid: ${parsed}` };
    containers.push(parsed);
  }
  if (containers.length === 0)
    return { error: `The Pod "${name}" is invalid: spec.containers: Required value` };
  const initContainers: ContainerSpec[] = [];
  for (const [index, value] of arr(spec.initContainers).entries()) {
    const parsed = container(value, index, 'initContainers');
    if (typeof parsed === 'string') return { error: `The Pod "${name}" is invalid: ${parsed}` };
    initContainers.push(parsed);
  }
  const labels = Object.fromEntries(
    Object.entries(obj(metadata.labels) ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const template: PodTemplate = {
    labels,
    serviceAccount: str(spec.serviceAccountName) ?? 'default',
    containers,
    ...(initContainers.length > 0 ? { initContainers } : {}),
    ...(arr(spec.volumes).length > 0 ? { volumes: arr(spec.volumes) as VolumeSpec[] } : {}),
    ...(spec.hostPID === true ? { hostPID: true } : {}),
    ...(spec.hostNetwork === true ? { hostNetwork: true } : {}),
    ...(spec.hostIPC === true ? { hostIPC: true } : {}),
    ...(obj(spec.securityContext) ? { securityContext: obj(spec.securityContext) } : {}),
    ...(spec.automountServiceAccountToken === false ? { automountServiceAccountToken: false } : {}),
  };
  return { manifest: { name, namespace: str(metadata.namespace), template } };
}
