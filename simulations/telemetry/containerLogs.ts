import type { ClusterWorld, PodState } from '../cluster/world';
import type { Random } from '../../src/shared/random';
import { iso, klogTime, MINUTE, nginxTime } from '../core/time';
import { DEFAULT_COLLECTION, type CollectionSettings } from './collection';
import { insightsBase } from './common';
import type { EmitContext } from './context';

export type LogLevel = 'info' | 'warning' | 'error' | 'debug' | 'unknown';

/**
 * Container logs as Container insights collects them: one row per stdout/stderr line, in ContainerLogV2 (enriched
 * with pod and namespace) or, for a cluster on the legacy schema, ContainerLog. kube-system's lines are dropped
 * unless the scenario collects them, as the default data collection rule does.
 */
export class ContainerLogWriter {
  constructor(
    private readonly ctx: EmitContext,
    private readonly settings: Pick<
      CollectionSettings,
      'kubeSystemLogs' | 'containerLogSchema'
    > = DEFAULT_COLLECTION,
  ) {}

  write(
    pod: PodState,
    containerName: string,
    timeMs: number,
    message: string | Record<string, unknown>,
    source: 'stdout' | 'stderr' = 'stdout',
    level: LogLevel = 'info',
  ): void {
    if (timeMs >= this.ctx.endMs) return;
    if (pod.namespace === 'kube-system' && !this.settings.kubeSystemLogs) return;
    const container = pod.containers.find((c) => c.spec.name === containerName) ?? pod.containers[0]!;
    if (this.settings.containerLogSchema === 'v1') {
      const image = container.spec.image;
      this.ctx.writer.write('ContainerLog', {
        ...insightsBase('ContainerLog'),
        TimeGenerated: iso(timeMs),
        TimeOfCommand: iso(timeMs + 1_000 + (timeMs % 4_000)),
        Computer: pod.node.name,
        ContainerID: container.containerId,
        Image: `${image.registry}/${image.repository}`,
        ImageTag: image.tag,
        Repository: image.registry,
        Name: `${pod.uid}/${container.spec.name}`,
        LogEntry: typeof message === 'string' ? message : JSON.stringify(message),
        LogEntrySource: source,
      });
      return;
    }
    this.ctx.writer.write('ContainerLogV2', {
      ...insightsBase('ContainerLogV2'),
      SourceSystem: 'ContainerInsights',
      TimeGenerated: iso(timeMs),
      Computer: pod.node.name,
      ContainerId: container.containerId,
      ContainerName: container.spec.name,
      PodName: pod.name,
      PodNamespace: pod.namespace,
      LogMessage: message,
      LogSource: source,
      LogLevel: level,
      KubernetesMetadata: null,
    });
  }
}

const STORE_PATHS: readonly (readonly [string, number])[] = [
  ['/', 30],
  ['/index.php', 12],
  ['/products.php?category=garden', 10],
  ['/products.php?category=kitchen', 8],
  ['/product.php?id=', 20],
  ['/cart.php', 8],
  ['/checkout.php', 3],
  ['/static/css/site.css', 14],
  ['/static/js/app.js', 14],
  ['/healthz', 4],
];

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
];

/** Share of the daily peak request rate at a given UTC hour (European shoppers). */
function diurnal(hour: number): number {
  const shape = Math.sin(((hour - 4) / 24) * Math.PI * 2 - Math.PI / 2) * 0.5 + 0.5;
  return 0.12 + 0.88 * shape;
}

/**
 * Shoppers' requests through ingress-nginx to the storefront (nginx + php-fpm) and on to catalog-api,
 * each leaving the log lines those programs really write, at a rate that follows the day.
 */
export class StorefrontTraffic {
  private readonly random: Random;
  private readonly clients: string[];

  constructor(
    private readonly ctx: EmitContext,
    private readonly world: ClusterWorld,
    private readonly logs: ContainerLogWriter,
    private readonly peakPerSecond = 0.12,
  ) {
    this.random = ctx.random;
    this.clients = Array.from(
      { length: 400 },
      () => `198.18.${this.random.int(0, 255)}.${this.random.int(1, 254)}`,
    );
  }

  start(fromMs: number): void {
    const step = () => {
      const wait = this.random.exponential(1000 / this.peakPerSecond);
      this.ctx.clock.setTimeout(() => {
        if (this.ctx.clock.now() >= this.ctx.endMs) return;
        const hour =
          new Date(this.ctx.clock.now()).getUTCHours() + new Date(this.ctx.clock.now()).getUTCMinutes() / 60;
        if (this.random.chance(diurnal(hour))) this.request(this.random.pick(this.clients), undefined);
        step();
      }, wait);
    };
    this.ctx.clock.at(fromMs, step);
  }

  /** One request; storylines use it for the attacker's requests (exact path, method, client, user agent). */
  request(
    client: string,
    explicit:
      | { method: string; path: string; status: number; bytes: number; userAgent: string; pod?: PodState }
      | undefined,
  ): void {
    const now = this.ctx.clock.now();
    const ingress = this.running('ingress-nginx', 'ingress-nginx-controller');
    const storefronts = this.runningAll('shop', 'storefront');
    if (!ingress || storefronts.length === 0) return;
    const target = explicit?.pod ?? this.random.pick(storefronts);
    let path = explicit?.path ?? this.random.weighted(STORE_PATHS);
    if (path.endsWith('id=')) path += this.random.int(1000, 1450);
    const method = explicit?.method ?? (path === '/checkout.php' && this.random.chance(0.5) ? 'POST' : 'GET');
    const status =
      explicit?.status ?? (this.random.chance(0.015) ? 404 : this.random.chance(0.004) ? 502 : 200);
    const bytes =
      explicit?.bytes ??
      (path.startsWith('/static') ? this.random.int(8000, 90000) : this.random.int(2000, 24000));
    const agent = explicit?.userAgent ?? this.random.pick(BROWSERS);
    const seconds = this.random.between(0.003, 0.25).toFixed(3);
    const requestId = this.random.hex(32);
    this.logs.write(
      ingress,
      'controller',
      now + 2,
      `${client} - - [${nginxTime(now)}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "-" "${agent}" ${this.random.int(180, 600)} ${seconds} [shop-storefront-80] [] ${target.ip}:80 ${bytes} ${seconds} ${status} ${requestId}`,
    );
    const podTime = now + 1;
    this.logs.write(
      target,
      'nginx',
      podTime,
      `${ingress.ip} - - [${nginxTime(podTime)}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "-" "${agent}" "${client}"`,
    );
    if (!path.startsWith('/static') && path !== '/healthz') {
      const script = path === '/' ? '/index.php' : path.split('?')[0]!;
      this.logs.write(
        target,
        'php-fpm',
        podTime,
        `${target.ip} -  ${nginxTime(podTime)} "${method} ${script}" ${status}`,
      );
      if (!explicit && path.startsWith('/product')) this.catalogCall(podTime + 3, path);
    }
  }

  private catalogCall(timeMs: number, path: string): void {
    const api = this.runningAll('shop', 'catalog-api');
    if (api.length === 0) return;
    const pod = this.random.pick(api);
    const elapsed = this.random.between(2, 80);
    const requestPath = path.startsWith('/product.php')
      ? `/api/products/${path.split('=')[1]}`
      : '/api/products';
    this.logs.write(pod, 'catalog-api', timeMs, {
      '@t': iso(timeMs),
      '@mt': 'HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms',
      RequestMethod: 'GET',
      RequestPath: requestPath,
      StatusCode: 200,
      Elapsed: Number(elapsed.toFixed(4)),
      SourceContext: 'Serilog.AspNetCore.RequestLoggingMiddleware',
      TraceId: this.random.hex(32),
    });
  }

  private running(namespace: string, workload: string): PodState | undefined {
    return this.runningAll(namespace, workload)[0];
  }

  private runningAll(namespace: string, workload: string): PodState[] {
    const pods: PodState[] = [];
    for (const pod of this.world.pods.values())
      if (pod.namespace === namespace && pod.workload?.name === workload && pod.phase === 'Running')
        pods.push(pod);
    return pods;
  }
}

/** Background chatter of every other container (klog lines, agents' heartbeats), sampled once a minute. */
export class ComponentChatter {
  constructor(
    private readonly ctx: EmitContext,
    private readonly world: ClusterWorld,
    private readonly logs: ContainerLogWriter,
  ) {}

  start(fromMs: number): void {
    this.ctx.clock.every(fromMs, MINUTE, this.ctx.endMs, (time) => this.tick(time));
  }

  private tick(time: number): void {
    const random = this.ctx.random;
    for (const pod of this.world.pods.values()) {
      if (pod.phase !== 'Running') continue;
      for (const container of pod.containers) {
        const profile = container.spec.logs;
        const line = profile ? CHATTER[profile] : undefined;
        if (!line || !random.chance(line.perMinute)) continue;
        const at = time + random.int(0, 59_000);
        const [message, source, level] = line.make(random, at, pod);
        this.logs.write(pod, container.spec.name, at, message, source, level);
      }
    }
  }
}

type Chatter = {
  perMinute: number;
  make: (
    random: Random,
    time: number,
    pod: PodState,
  ) => [string | Record<string, unknown>, 'stdout' | 'stderr', LogLevel];
};

const KLOG_LINES = [
  'reflector.go:368] Caches populated for *v1.Pod from k8s.io/client-go/informers/factory.go:160',
  'leaderelection.go:260] successfully renewed lease',
  'reflector.go:368] Caches populated for *v1.Node from k8s.io/client-go/informers/factory.go:160',
  'round_trippers.go:553] GET https://10.0.0.1:443/api/v1/nodes?resourceVersion=0 200 OK in 4 milliseconds',
];

const CHATTER: Record<string, Chatter> = {
  klog: {
    perMinute: 0.04,
    make: (random, time) => {
      const warn = random.chance(0.08);
      return [
        `${warn ? 'W' : 'I'}${klogTime(time, random.int(0, 999))}       1 ${warn ? 'reflector.go:561] watch of *v1.Endpoints ended with: an error on the server ("unable to decode an event from the watch stream: http2: response body closed") has prevented the request from succeeding' : random.pick(KLOG_LINES)}`,
        'stderr',
        warn ? 'warning' : 'info',
      ];
    },
  },
  coredns: {
    perMinute: 0.01,
    make: (random) => [
      random.chance(0.5)
        ? '[INFO] plugin/reload: Running configuration SHA512 = 7c2b3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b'
        : `[ERROR] plugin/errors: 2 ${random.pick(['login.microsoftonline.com', 'westeurope.data.mcr.microsoft.com', 'dc.services.visualstudio.com'])}. AAAA: read udp 10.244.0.${random.int(10, 60)}:${random.int(30000, 60000)}->168.63.129.16:53: i/o timeout`,
      'stdout',
      'info',
    ],
  },
  'ama-logs': {
    perMinute: 0.03,
    make: (random, time) => [
      `${iso(time).slice(0, 19)}Z I! [agent] ${random.pick(['Hang on, flushing any cached metrics before shutdown', 'Config: Interval:1m0s, Quiet:false, Hostname:"", Flush Interval:15s', 'Successfully flushed 412 records to ODS'])}`,
      'stdout',
      'info',
    ],
  },
  defender: {
    perMinute: 0.02,
    make: (random, time) => [
      {
        level: 'info',
        ts: iso(time),
        caller: 'collector/heartbeat.go:88',
        msg: 'heartbeat',
        eventsSent: random.int(200, 4000),
        droppedEvents: 0,
      },
      'stdout',
      'info',
    ],
  },
  // PostgreSQL logs to stderr; with default settings a quiet database mostly reports its timed checkpoints.
  postgres: {
    perMinute: 0.1,
    make: (random, time) => {
      const stamp = `${iso(time).slice(0, 23).replace('T', ' ')} UTC [${random.int(26, 29)}]`;
      return [
        random.chance(0.5)
          ? `${stamp} LOG:  checkpoint starting: time`
          : `${stamp} LOG:  checkpoint complete: wrote ${random.int(3, 90)} buffers (0.${random.int(1, 9)}%); 0 WAL file(s) added, 0 removed, 0 recycled`,
        'stderr',
        'info',
      ];
    },
  },
  dashboard: {
    perMinute: 0.004,
    make: (random, time) => [
      `${iso(time).slice(0, 19).replace('T', ' ').replace(/-/g, '/')} Metric client health check failed: the server is currently unable to handle the request (get services dashboard-metrics-scraper). Retrying in 30 seconds.`,
      'stdout',
      'info',
    ],
  },
  xmrig: {
    perMinute: 0.9,
    make: (random, time) => {
      const stamp = iso(time).replace('T', ' ').slice(0, 23);
      const speed = random.between(2050, 2150).toFixed(1);
      return [
        random.chance(0.5)
          ? `[${stamp}]  miner    speed 10s/60s/15m ${speed} ${(Number(speed) - 5).toFixed(1)} n/a H/s max ${(Number(speed) + 8).toFixed(1)} H/s`
          : `[${stamp}]  cpu      accepted (${random.int(1, 400)}/0) diff 120001 (${random.int(30, 90)} ms)`,
        'stdout',
        'info',
      ];
    },
  },
  'build-agent': {
    perMinute: 0.01,
    make: (random, time) => [`${iso(time).slice(0, 19)}Z: Listening for Jobs`, 'stdout', 'info'],
  },
};
