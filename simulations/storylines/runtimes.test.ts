import { beforeAll, describe, expect, it } from 'vitest';
import { MemorySink } from '../core/sink';
import { simulate } from '../scenario/runner';

type Json = Record<string, unknown>;
const DOCKER_CLI = /(^|[\s/;|&])docker\s+(run|exec|build|push|ps|version)\b/;

describe('container runtimes agree with the node inventory (docker-sock-escape, seed 11, 1 day)', () => {
  const sink = new MemorySink();
  beforeAll(async () => {
    await simulate({ scenario: 'docker-sock-escape', seed: 11, days: 1, sink });
  }, 120_000);

  it('runs containerd on every node, so nothing talks to a Docker daemon', () => {
    const runtimes = new Set(sink.rows('KubeNodeInventory').map((row) => String(row.DockerVersion)));
    expect([...runtimes].every((runtime) => runtime.startsWith('containerd://'))).toBe(true);
    const alerts = sink
      .rows('SecurityAlert')
      .map((row) => JSON.parse(String(row.ExtendedProperties)) as Json);
    const commands = alerts.map((props) => String(props['Command line'] ?? ''));
    expect(commands.filter((command) => DOCKER_CLI.test(command))).toEqual([]);
    const logs = sink.rows('ContainerLogV2').map((row) => String(row.LogMessage));
    expect(logs.filter((line) => DOCKER_CLI.test(line))).toEqual([]);
  });

  it("starts the rogue container with ctr through the agent's containerd socket, under containerd's shim", () => {
    const alerts = sink.rows('SecurityAlert').map((row) => ({
      type: String(row.AlertType),
      props: JSON.parse(String(row.ExtendedProperties)) as Json,
    }));
    const artifact = alerts.find((alert) => alert.type === 'K8S.NODE_PrivilegedContainerArtifacts');
    expect(artifact).toBeDefined();
    expect(String(artifact!.props['Command line'])).toMatch(
      /^ctr --address \/run\/containerd\/containerd\.sock --namespace k8s\.io run .*--privileged/,
    );
    const onNode = alerts.filter((alert) => alert.type === 'K8S.NODE_KubeConfigAccess');
    expect(onNode.length).toBeGreaterThan(0);
    for (const alert of onNode)
      expect(alert.props['Parent process']).toBe('/usr/bin/containerd-shim-runc-v2');
    const mounts = sink
      .rows('SecurityRecommendation')
      .filter((row) => String(row.RecommendationDisplayName).includes('HostPath'))
      .flatMap((row) => {
        const data = ((row.Properties as Json | undefined)?.additionalData ?? {}) as Json;
        return ((data.unhealthyWorkloads ?? []) as Json[]).filter((w) => w.namespace === 'ci');
      })
      .map((workload) => String(workload.detail));
    expect(mounts).toContain('/run/containerd/containerd.sock');
    expect(mounts).not.toContain('/var/run/docker.sock');
  });
});
