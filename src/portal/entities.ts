/**
 * A SecurityAlert's Entities (JSON with `$id` and `$ref` links, as Defender writes them) as the portal lists them:
 * one line per entity, with a kind a person reads and the value that identifies it. Links are followed so a pod
 * says which namespace it is in and a process which account ran it.
 */
import type { WireValue } from '../kql/types';
import { dynamicValue, text } from './kqlSource';

export interface EntityView {
  /** Stable within one alert list: kind and value. */
  key: string;
  /** What the portal calls the kind: "Kubernetes pod", "Container image"… */
  kind: string;
  /** The identifying value: a pod name, an image reference, a command line… */
  name: string;
  /** Further facts from the entity and the entities it links to ("Namespace: ci"). */
  details: string[];
}

type Entity = Record<string, WireValue>;

const KIND_NAMES: Record<string, string> = {
  'azure-resource': 'Azure resource',
  'K8s-cluster': 'Kubernetes cluster',
  'K8s-namespace': 'Kubernetes namespace',
  'K8s-pod': 'Kubernetes pod',
  'K8s-deployment': 'Kubernetes deployment',
  'K8s-service': 'Kubernetes service',
  'K8s-serviceaccount': 'Kubernetes service account',
  'K8s-secret': 'Kubernetes secret',
  container: 'Container',
  'container-image': 'Container image',
  host: 'Host',
  account: 'Account',
  process: 'Process',
  file: 'File',
  ip: 'IP address',
  url: 'URL',
};

function isEntity(value: WireValue | undefined): value is Entity {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows a `{ "$ref": "n" }` link to the entity it names; an inline entity is returned as it is. */
function resolve(value: WireValue | undefined, byId: ReadonlyMap<string, Entity>): Entity | undefined {
  if (!isEntity(value)) return undefined;
  const ref = value.$ref;
  return typeof ref === 'string' ? byId.get(ref) : value;
}

function nameOf(entity: Entity, byId: ReadonlyMap<string, Entity>): string {
  const type = text(entity.Type);
  switch (type) {
    case 'azure-resource':
      return text(entity.ResourceName) || text(entity.ResourceId);
    case 'K8s-cluster': {
      const resource = resolve(entity.CloudResource, byId);
      return resource ? text(resource.ResourceName) || text(resource.ResourceId) : text(entity.Name);
    }
    case 'container-image':
      return text(entity.ImageId);
    case 'host':
      return text(entity.HostName);
    case 'process':
      return text(entity.CommandLine) || text(entity.ProcessId);
    case 'file':
      return [text(entity.Directory), text(entity.Name)].filter(Boolean).join('/');
    case 'ip':
      return text(entity.Address);
    case 'url':
      return text(entity.Url);
    default:
      return text(entity.Name) || text(entity.FriendlyName) || text(entity.ResourceId);
  }
}

function detailsOf(entity: Entity, byId: ReadonlyMap<string, Entity>): string[] {
  const details: string[] = [];
  const linked = (label: string, key: string) => {
    const target = resolve(entity[key], byId);
    if (target) details.push(`${label}: ${nameOf(target, byId)}`);
  };
  linked('Namespace', 'Namespace');
  linked('Cluster', 'Cluster');
  linked('Image', 'Image');
  linked('Host', 'Host');
  linked('Account', 'Account');
  linked('Executable', 'ImageFile');
  if (entity.ResourceType) details.push(`Type: ${text(entity.ResourceType)}`);
  if (entity.OSFamily) details.push(`OS: ${text(entity.OSFamily)}`);
  if (entity.ProcessId && entity.CommandLine) details.push(`Process ID: ${text(entity.ProcessId)}`);
  return details;
}

/** The entities of one alert, in the order Defender lists them; unreadable input gives an empty list. */
export function entitiesOf(value: WireValue | undefined): EntityView[] {
  const parsed = dynamicValue(value);
  if (!Array.isArray(parsed)) return [];
  const entities = parsed.filter(isEntity);
  const byId = new Map<string, Entity>();
  for (const entity of entities) if (typeof entity.$id === 'string') byId.set(entity.$id, entity);
  return entities
    .map((entity) => {
      const type = text(entity.Type);
      const kind = KIND_NAMES[type] ?? type;
      const name = nameOf(entity, byId);
      return { key: `${type}:${name}`, kind, name, details: detailsOf(entity, byId) };
    })
    .filter((entity) => entity.name !== '');
}

/** Entities of several alerts (an incident's), each listed once. */
export function mergeEntities(lists: readonly (readonly EntityView[])[]): EntityView[] {
  const seen = new Map<string, EntityView>();
  for (const list of lists)
    for (const entity of list) if (!seen.has(entity.key)) seen.set(entity.key, entity);
  return [...seen.values()];
}
