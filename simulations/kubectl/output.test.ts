import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from './output';

describe('-o yaml', () => {
  it("sorts keys, keeps sequences at their key's indentation, quotes what would read as another type", () => {
    const object = {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {
        name: 'web',
        labels: { app: 'web', 'pod-template-hash': '7d9c6b8f5' },
        creationTimestamp: '2026-03-02T10:43:22Z',
      },
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.27', command: ['sleep', '3600'], ports: [{ containerPort: 80 }] },
        ],
        hostPID: true,
        securityContext: {},
        volumes: [],
      },
    };
    const text = toYaml(object);
    expect(text).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: "2026-03-02T10:43:22Z"',
        '  labels:',
        '    app: web',
        '    pod-template-hash: 7d9c6b8f5',
        '  name: web',
        'spec:',
        '  containers:',
        '  - command:',
        '    - sleep',
        '    - "3600"',
        '    image: nginx:1.27',
        '    name: web',
        '    ports:',
        '    - containerPort: 80',
        '  hostPID: true',
        '  securityContext: {}',
        '  volumes: []',
        '',
      ].join('\n'),
    );
    expect(parse(text)).toEqual(object);
    const tricky = { a: 'yes', b: '', c: 'x: y', d: '*', e: '#not a comment', f: 'line\nbreak', g: '007' };
    expect(parse(toYaml(tricky))).toEqual(tricky);
  });
});
