import type { EntityView } from '../../portal/entities';

/** Entities as Defender and Sentinel list them: the kind, the identifying value and what it links to. */
export function EntityList({ entities, label }: { entities: readonly EntityView[]; label: string }) {
  if (entities.length === 0) return <p className="portal-note">No entities.</p>;
  return (
    <ul className="portal-entities" aria-label={label}>
      {entities.map((entity) => (
        <li key={entity.key}>
          <span className="portal-entity-kind">{entity.kind}</span>{' '}
          <span className="portal-entity-name">{entity.name}</span>
          {entity.details.length > 0 && <span className="portal-meta"> · {entity.details.join(' · ')}</span>}
        </li>
      ))}
    </ul>
  );
}
