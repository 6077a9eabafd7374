import { describe, expect, it } from 'vitest';
import { nodepoolNode } from '../cluster/inventory';
import type { RuntimeEvent } from '../cluster/runtime';
import { Random } from '../../src/shared/random';
import { RowWriter } from '../core/rowWriter';
import { SimulatedClock } from '../core/simulatedClock';
import { MemorySink } from '../core/sink';
import { AlertEmitter } from './alerts';
import { RuntimeSensor } from './sensor';

const START = Date.parse('2026-03-02T10:00:00Z');

/** Feeds file events to a sensor and returns the alerts it raised (type and file path). */
async function alertsFor(events: { path: string; user: string; operation?: 'read' | 'write' }[]) {
  const clock = new SimulatedClock(START);
  const sink = new MemorySink();
  const writer = new RowWriter(sink);
  const sensor = new RuntimeSensor(
    new AlertEmitter({ clock, random: new Random(1), writer, endMs: START + 86_400_000 }),
  );
  events.forEach((event, index) =>
    sensor.observe({
      kind: 'file',
      time: START + index * 1000,
      node: nodepoolNode(1),
      pod: {
        name: 'storefront-7d9c6b8f5-q2w8x',
        namespace: 'shop',
        uid: 'u1',
        system: false,
        privileged: false,
        image: 'contoso.azurecr.io/shop/storefront:1.4.2',
        workload: 'storefront',
      },
      container: 'php-fpm',
      containerId: 'c1',
      process: {
        pid: 7,
        exe: '/usr/local/sbin/php-fpm',
        cmdline: 'php-fpm: pool www',
        parentExe: 'php-fpm',
        user: event.user,
      },
      path: event.path,
      operation: event.operation ?? 'write',
    } satisfies RuntimeEvent),
  );
  clock.runUntil(START + 86_400_000 - 1);
  await writer.drain();
  return sink.rows('SecurityAlert').map((row) => ({
    type: String(row.AlertType),
    name: String(row.AlertName),
    path: (JSON.parse(String(row.ExtendedProperties)) as Record<string, string>)['File path'],
  }));
}

describe('runtime sensor: web shells', () => {
  it('flags a script the web server writes under its document root', async () => {
    expect(await alertsFor([{ path: '/var/www/html/uploads/.cache.php', user: 'www-data' }])).toEqual([
      {
        type: 'K8S.NODE_Webshell',
        name: 'Possible malicious web shell detected.',
        path: '/var/www/html/uploads/.cache.php',
      },
    ]);
  });

  it('leaves uploads that are not scripts, scripts read rather than written, and files written by other accounts alone', async () => {
    expect(
      await alertsFor([
        { path: '/var/www/html/uploads/avatar-1042.png', user: 'www-data' },
        { path: '/var/www/html/index.php', user: 'www-data', operation: 'read' },
        { path: '/var/www/html/index.php', user: 'root' },
        { path: '/tmp/sess_a1b2c3.php', user: 'www-data' },
      ]),
    ).toEqual([]);
  });
});

describe('runtime sensor: image builds on a node', () => {
  it('flags a build through the node runtime, with docker or with nerdctl on containerd', async () => {
    for (const cmdline of [
      'docker build -t contoso.azurecr.io/shop/storefront:1.4.3 .',
      'nerdctl --namespace k8s.io build -t contoso.azurecr.io/shop/storefront:1.4.3 -f Dockerfile .',
    ]) {
      const clock = new SimulatedClock(START);
      const sink = new MemorySink();
      const writer = new RowWriter(sink);
      const sensor = new RuntimeSensor(
        new AlertEmitter({ clock, random: new Random(1), writer, endMs: START + 86_400_000 }),
      );
      sensor.observe({
        kind: 'process',
        time: START,
        node: nodepoolNode(1),
        process: { pid: 9, exe: cmdline.split(' ')[0]!, cmdline, parentExe: 'bash', user: 'root' },
      } satisfies RuntimeEvent);
      clock.runUntil(START + 86_400_000 - 1);
      await writer.drain();
      expect(sink.rows('SecurityAlert').map((row) => row.AlertType)).toContain('K8S.NODE_ImageBuildOnNode');
    }
  });
});
