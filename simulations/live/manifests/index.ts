/**
 * Manifests the learner can apply from the terminal's picker, written for this lab: each shows one Pod
 * Security control (or none) so that changing a namespace's enforce label visibly changes the answer.
 */
export interface BuiltInManifest {
  /** File name the learner types after `apply -f`. */
  name: string;
  /** What it demonstrates, for the picker. */
  description: string;
  yaml: string;
}

export const BUILT_IN_MANIFESTS: readonly BuiltInManifest[] = [
  {
    name: 'node-debugger.yaml',
    description: 'A privileged container: refused at baseline and restricted, admitted at privileged',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: node-debugger
  labels:
    app: node-debugger
spec:
  containers:
  - name: debugger
    image: ubuntu:22.04
    command: ["sleep", "infinity"]
    securityContext:
      privileged: true
`,
  },
  {
    name: 'host-root-reader.yaml',
    description: "The node's whole filesystem mounted at /host (hostPath /): refused at baseline",
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: host-root-reader
  labels:
    app: host-root-reader
spec:
  containers:
  - name: reader
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: host-root
      mountPath: /host
  volumes:
  - name: host-root
    hostPath:
      path: /
`,
  },
  {
    name: 'host-pid-viewer.yaml',
    description:
      "Shares the node's process namespace (hostPID): every host process is visible; refused at baseline",
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: host-pid-viewer
  labels:
    app: host-pid-viewer
spec:
  hostPID: true
  containers:
  - name: viewer
    image: ubuntu:22.04
    command: ["sleep", "infinity"]
`,
  },
  {
    name: 'restricted-web.yaml',
    description: 'Meets the restricted profile: admitted at every level',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: restricted-web
  labels:
    app: restricted-web
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 101
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: web
    image: nginxinc/nginx-unprivileged:1.27
    ports:
    - containerPort: 8080
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop: ["ALL"]
`,
  },
];

export function findManifest(name: string): BuiltInManifest | undefined {
  const base = name.replace(/^\.\//, '');
  return BUILT_IN_MANIFESTS.find((m) => m.name === base || m.name.replace(/\.yaml$/, '') === base);
}
