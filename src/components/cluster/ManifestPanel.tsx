import { useId, useState } from 'react';
import type { ManifestChoice } from '../../store/clusterClient';

interface Props {
  /** 2 on the cluster page, 3 inside the case page's Cluster tab. */
  readonly headingLevel: 2 | 3;
  readonly manifests: readonly ManifestChoice[];
  /** Runs `kubectl apply -n <namespace> -f -` with the text on stdin; `note` says where it came from. */
  readonly onApply: (namespace: string, yaml: string, note: string) => void;
}

/**
 * Manifests through admission: load one of the cluster's built-in manifests (or paste your own) into the box, edit
 * it, and apply it; the terminal shows the API server's answer under the namespace's Pod Security level.
 */
export function ManifestPanel({ headingLevel, manifests, onApply }: Props) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [chosen, setChosen] = useState(manifests[0]?.name ?? '');
  const [text, setText] = useState('');
  const [namespace, setNamespace] = useState('default');
  const namespaceValid = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(namespace);

  return (
    <section className="cluster-manifests" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>Apply a manifest</Heading>
      <div className="cluster-manifests__pick">
        <label htmlFor={`${id}-choice`}>Built-in manifest</label>
        <select id={`${id}-choice`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {manifests.map((manifest) => (
            <option key={manifest.name} value={manifest.name}>
              {manifest.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!manifests.some((manifest) => manifest.name === chosen)}
          onClick={() => {
            const manifest = manifests.find((candidate) => candidate.name === chosen);
            if (!manifest) return;
            setText(manifest.yaml);
          }}
        >
          Load into the box
        </button>
      </div>
      <p>
        <label htmlFor={`${id}-namespace`}>Namespace</label>{' '}
        <input
          id={`${id}-namespace`}
          value={namespace}
          onChange={(event) => setNamespace(event.target.value.trim())}
          aria-invalid={!namespaceValid}
          aria-describedby={`${id}-namespace-help`}
          spellCheck={false}
          size={20}
        />{' '}
        <span id={`${id}-namespace-help`} className={namespaceValid ? 'cluster-meta' : 'cluster-error'}>
          {namespaceValid
            ? 'Its pod-security.kubernetes.io/enforce label decides what is admitted.'
            : 'A namespace name: lowercase letters, digits and dashes.'}
        </span>
      </p>
      <label htmlFor={`${id}-yaml`}>Manifest (YAML), read by kubectl apply -f -</label>
      <textarea
        id={`${id}-yaml`}
        value={text}
        rows={10}
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
      <button
        type="button"
        disabled={text.trim() === '' || !namespaceValid}
        onClick={() => {
          const source =
            manifests.find((manifest) => manifest.yaml === text)?.name ?? 'the manifest in the box';
          onApply(
            namespace,
            text.endsWith('\n') ? text : `${text}\n`,
            `${source} (${text.trimEnd().split('\n').length} lines)`,
          );
        }}
      >
        Apply with kubectl apply -n {namespace} -f -
      </button>
    </section>
  );
}
