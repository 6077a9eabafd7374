import { rolloutDeployment } from '../cluster/controllers';
import { IP, OPERATORS, USER_AGENT } from '../cluster/constants';
import { entraUser, serviceAccountUser } from '../cluster/identities';
import type { PodTemplate, WorkloadSpec } from '../cluster/types';
import type { ClusterWorld, PodState, Requester } from '../cluster/world';
import type { Random } from '../../src/shared/random';
import { DAY, HOUR, MINUTE } from '../core/time';
import type { ContainerLogWriter } from '../telemetry/containerLogs';
import type { EmitContext } from '../telemetry/context';

const isWorkingHour = (ms: number) => {
  const date = new Date(ms);
  const day = date.getUTCDay();
  const hour = date.getUTCHours();
  return day >= 1 && day <= 5 && hour >= 7 && hour < 18;
};

/**
 * Everything that happens on a normal week and makes an attack take real querying to find: rollouts
 * by the pipeline, the nightly CronJob, crash loops, agents and controllers polling the API server,
 * operators running kubectl (including exec), a developer bumping into admission control, CI builds
 * on the node's container runtime, and the benign alerts all of that raises.
 */
export class BackgroundActivity {
  private readonly random: Random;

  constructor(
    private readonly ctx: EmitContext,
    private readonly world: ClusterWorld,
    private readonly logs: ContainerLogWriter,
    private readonly startMs: number,
    private readonly onImagePushed: (reference: {
      registry: string;
      repository: string;
      tag: string;
    }) => void = () => {},
  ) {
    this.random = ctx.random;
  }

  start(): void {
    for (const workload of this.world.workloads) {
      if (workload.kind === 'Deployment' && workload.rolloutEveryHours) this.scheduleRollouts(workload);
      if (workload.kind === 'CronJob') this.scheduleCronJob(workload);
      if (workload.crashesPerDay) this.scheduleCrashes(workload);
    }
    this.schedulePolling();
    this.scheduleOperators();
    this.scheduleDeveloper();
    this.scheduleBuilds();
    this.scheduleManagedIdentityCalls();
    this.scheduleDashboardUse();
    this.scheduleInternetScanners();
    this.scheduleDebuggingWithPipelineToken();
  }

  /** The API server is public: internet-wide scanners probe it all day as system:anonymous. */
  private scheduleInternetScanners(): void {
    const anonymous = { username: 'system:anonymous', groups: ['system:unauthenticated'] };
    const agents = [
      'Mozilla/5.0 zgrab/0.x',
      'Go-http-client/1.1',
      'python-requests/2.28.1',
      'Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)',
      'curl/7.81.0',
    ];
    const probes: [string, number][] = [
      ['/version', 200],
      ['/', 403],
      ['/api', 403],
      ['/api/v1/pods', 403],
      ['/api/v1/namespaces/kube-system/secrets', 403],
      ['/.env', 403],
      ['/apis', 403],
      ['/healthz', 200],
    ];
    this.eachDay((day) => {
      const visits = this.random.int(8, 25);
      for (let i = 0; i < visits; i++) {
        const at = day + this.random.int(0, DAY - 1);
        const ip = `198.19.${this.random.int(0, 255)}.${this.random.int(1, 254)}`;
        const agent = this.random.pick(agents);
        const count = this.random.int(1, 3);
        this.at(at, () => {
          for (let p = 0; p < count; p++) {
            const [uri, code] = this.random.pick(probes);
            const resource = uri.match(/^\/api\/v1\/(?:namespaces\/([^/]+)\/)?([a-z]+)$/);
            this.world.audit.record({
              time: this.ctx.clock.now() + p * this.random.int(50, 900),
              user: anonymous,
              sourceIp: ip,
              userAgent: agent,
              verb: resource ? 'list' : 'get',
              ...(resource ? { resource: resource[2], namespace: resource[1] } : { requestUri: uri }),
              code,
              ...(code === 403
                ? {
                    message: resource
                      ? `${resource[2]} is forbidden: User "system:anonymous" cannot list resource "${resource[2]}" in API group "" ${resource[1] ? `in the namespace "${resource[1]}"` : 'at the cluster scope'}`
                      : `forbidden: User "system:anonymous" cannot get path "${uri}"`,
                  }
                : {}),
              annotations: {
                'authorization.k8s.io/decision': code === 200 ? 'allow' : 'forbid',
                'authorization.k8s.io/reason':
                  code === 200
                    ? 'RBAC: allowed by ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated"'
                    : '',
              },
            });
          }
        });
      }
    });
  }

  /** Once a week an engineer debugs a rollout with the pipeline's token from the office: a benign service-account anomaly. */
  private scheduleDebuggingWithPipelineToken(): void {
    this.eachDay((day) => {
      if (new Date(day).getUTCDay() !== 4) return;
      const at = day + this.random.int(10 * HOUR, 16 * HOUR);
      this.at(at, () => {
        const pipeline: Requester = {
          user: serviceAccountUser(
            'ci',
            'azure-pipelines-deployer',
            this.world.serviceAccountUid('ci', 'azure-pipelines-deployer'),
          ),
          sourceIp: IP.corporateEgress,
          userAgent: USER_AGENT.kubectl,
        };
        this.world.call(pipeline, {
          verb: 'get',
          resource: 'deployments',
          apiGroup: 'apps',
          namespace: 'shop',
          name: 'storefront',
        });
        this.world.call(pipeline, {
          verb: 'list',
          resource: 'replicasets',
          apiGroup: 'apps',
          namespace: 'shop',
          query: 'labelSelector=app%3Dstorefront',
        });
      });
    });
  }

  /** An operator opens the Kubernetes dashboard through kubectl port-forward; the dashboard calls the API as its own service account. */
  private scheduleDashboardUse(): void {
    this.eachDay((day) => {
      const weekday = new Date(day).getUTCDay();
      if (weekday !== 1 && weekday !== 3 && weekday !== 5) return;
      const at = day + this.random.int(8 * HOUR, 17 * HOUR);
      this.at(at, () => {
        const dashboard = [...this.world.pods.values()].find(
          (pod) => pod.workload?.name === 'kubernetes-dashboard' && pod.phase === 'Running',
        );
        if (!dashboard) return;
        const who = this.operator();
        this.world.call(who, {
          verb: 'create',
          resource: 'pods',
          subresource: 'portforward',
          namespace: dashboard.namespace,
          name: dashboard.name,
          code: 101,
          longRunning: true,
        });
        const account: Requester = {
          user: this.world.podIdentity(dashboard),
          sourceIp: IP.clusterEgress,
          userAgent: USER_AGENT.dashboard,
        };
        const views: [string, string | undefined][] = [
          ['namespaces', undefined],
          ['pods', 'shop'],
          ['deployments', 'shop'],
          ['events', 'shop'],
          ['pods', 'kube-system'],
        ];
        let delay = 0;
        for (const [resource, namespace] of views) {
          delay += this.random.int(3_000, 45_000);
          this.ctx.clock.setTimeout(() => {
            const now = this.ctx.clock.now();
            const port = this.random.int(33000, 60000);
            const path = `/api/v1/${resource === 'deployments' ? 'deployment' : resource.replace(/s$/, '')}${namespace ? `/${namespace}` : ''}?itemsPerPage=10&page=1`;
            const stamp = new Date(now).toISOString().slice(0, 19);
            const prefix = `${stamp.slice(0, 10).replace(/-/g, '/')} ${stamp.slice(11)}`;
            this.logs.write(
              dashboard,
              'kubernetes-dashboard',
              now,
              `${prefix} [${stamp}Z] Incoming HTTP/1.1 GET ${path} request from 127.0.0.1:${port}: `,
            );
            this.world.call(account, {
              verb: 'list',
              resource,
              apiGroup: resource === 'deployments' ? 'apps' : undefined,
              namespace,
            });
            this.logs.write(
              dashboard,
              'kubernetes-dashboard',
              now + 30,
              `${prefix} [${stamp}Z] Outcoming response to 127.0.0.1:${port} with 200 status code`,
            );
          }, delay);
        }
      });
    });
  }

  private eachDay(fn: (dayStart: number) => void): void {
    for (let day = Math.floor(this.startMs / DAY) * DAY; day < this.ctx.endMs; day += DAY) fn(day);
  }

  private at(time: number, fn: () => void): void {
    if (time >= this.startMs && time < this.ctx.endMs) this.ctx.clock.at(time, fn);
  }

  private requesterFor(who: string): Requester {
    if (who.startsWith('system:serviceaccount:')) {
      const [, , namespace, name] = who.split(':') as [string, string, string, string];
      return {
        user: serviceAccountUser(namespace, name, this.world.serviceAccountUid(namespace, name)),
        sourceIp: IP.clusterEgress,
        userAgent: USER_AGENT.azurePipelines,
      };
    }
    const operator = OPERATORS.find((o) => o.upn === who) ?? OPERATORS[0];
    return {
      user: entraUser(operator.upn, operator.oid, true),
      sourceIp: operator.ip,
      userAgent: USER_AGENT.kubectl,
    };
  }

  private operator(): Requester {
    const operator = this.random.pick(OPERATORS);
    return {
      user: entraUser(operator.upn, operator.oid, true),
      sourceIp: operator.ip,
      userAgent: USER_AGENT.kubectl,
    };
  }

  private scheduleRollouts(workload: WorkloadSpec): void {
    let time = this.startMs + this.random.exponential(workload.rolloutEveryHours! * HOUR);
    while (time < this.ctx.endMs) {
      if (isWorkingHour(time))
        this.at(time, () =>
          rolloutDeployment(
            this.world,
            workload,
            this.requesterFor(workload.rolledOutBy ?? OPERATORS[0].upn),
          ),
        );
      time += this.random.exponential(workload.rolloutEveryHours! * HOUR);
    }
  }

  private scheduleCronJob(workload: WorkloadSpec): void {
    let previous: PodState | undefined;
    this.eachDay((day) => {
      const at = day + (workload.dailyAtHour ?? 2) * HOUR + this.random.int(0, 4000);
      this.at(at, () => {
        const jobName = `${workload.name}-${Math.floor(at / MINUTE)}`;
        this.world.call(this.world.controller('cronjob-controller'), {
          verb: 'create',
          resource: 'jobs',
          apiGroup: 'batch',
          namespace: workload.namespace,
          code: 201,
          requestObject: {
            kind: 'Job',
            apiVersion: 'batch/v1',
            metadata: { name: jobName, namespace: workload.namespace },
          },
        });
        this.world.events.record({
          time: at,
          namespace: workload.namespace,
          objectKind: 'CronJob',
          name: workload.name,
          reason: 'SuccessfulCreate',
          message: `Created job ${jobName}`,
          type: 'Normal',
          source: 'cronjob-controller',
        });
        if (previous && this.world.pods.has(previous.uid))
          this.world.deletePod(previous, this.world.controller('job-controller'));
        const { pod } = this.world.createPod({ workload });
        previous = pod;
        if (pod) {
          for (let i = 0; i < 4; i++) {
            this.ctx.clock.setTimeout(
              () => {
                if (pod.phase === 'Running')
                  this.logs.write(
                    pod,
                    'report-export',
                    this.ctx.clock.now(),
                    `${new Date(this.ctx.clock.now()).toISOString()} INFO export: wrote ${this.random.int(800, 4000)} orders to reports/${new Date(at).toISOString().slice(0, 10)}.csv (batch ${i + 1}/4)`,
                  );
              },
              20_000 + i * 60_000,
            );
          }
        }
      });
    });
  }

  private scheduleCrashes(workload: WorkloadSpec): void {
    this.eachDay((day) => {
      if (!this.random.chance(workload.crashesPerDay!)) return;
      const at = day + this.random.int(0, DAY - 1);
      this.at(at, () => {
        const pods = this.world.podsOf(workload).filter((pod) => pod.phase === 'Running');
        if (pods.length === 0) return;
        const pod = this.random.pick(pods);
        const container = pod.containers[pod.containers.length - 1]!;
        this.logs.write(
          pod,
          container.spec.name,
          at - 200,
          workload.name === 'catalog-api'
            ? {
                '@t': new Date(at - 200).toISOString(),
                '@mt': 'Unhandled exception. {Message}',
                '@l': 'Fatal',
                Message:
                  'Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.',
              }
            : `[${new Date(at - 200).toUTCString()}] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/html/vendor/composer/ClassLoader.php on line 576`,
          'stderr',
          'error',
        );
        this.world.crash(pod, this.random.int(1, 4));
      });
    });
  }

  /** Agents and operators that poll the API server all day. */
  private schedulePolling(): void {
    const ama: Requester = {
      user: serviceAccountUser(
        'kube-system',
        'ama-logs',
        this.world.serviceAccountUid('kube-system', 'ama-logs'),
      ),
      sourceIp: IP.clusterEgress,
      userAgent: USER_AGENT.amaLogs,
    };
    this.ctx.clock.every(this.startMs + this.random.int(0, 60_000), 5 * MINUTE, this.ctx.endMs, () => {
      this.world.call(ama, { verb: 'list', resource: 'pods', query: 'limit=200' });
      this.world.call(ama, { verb: 'list', resource: 'nodes', query: 'limit=200' });
      this.world.call(ama, {
        verb: 'list',
        resource: 'events',
        query: 'fieldSelector=type!%3DNormal&limit=4000',
      });
    });
    const defender: Requester = {
      user: serviceAccountUser(
        'kube-system',
        'microsoft-defender-collector-sa',
        this.world.serviceAccountUid('kube-system', 'microsoft-defender-collector-sa'),
      ),
      sourceIp: IP.clusterEgress,
      userAgent: USER_AGENT.defender,
    };
    this.ctx.clock.every(this.startMs + this.random.int(0, 300_000), 15 * MINUTE, this.ctx.endMs, () => {
      this.world.call(defender, { verb: 'list', resource: 'pods', query: 'resourceVersion=0' });
      this.world.call(defender, {
        verb: 'list',
        resource: 'clusterrolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        query: 'resourceVersion=0',
      });
    });
    const prometheus: Requester = {
      user: serviceAccountUser(
        'monitoring',
        'prometheus-operator',
        this.world.serviceAccountUid('monitoring', 'prometheus-operator'),
      ),
      sourceIp: IP.clusterEgress,
      userAgent: USER_AGENT.prometheusOperator,
    };
    this.ctx.clock.every(this.startMs + this.random.int(0, 600_000), 30 * MINUTE, this.ctx.endMs, () => {
      this.world.call(prometheus, {
        verb: 'list',
        resource: 'secrets',
        namespace: 'monitoring',
        query: 'labelSelector=managed-by%3Dprometheus-operator',
      });
    });
  }

  /** Operators' kubectl sessions on working days: listing, logs, describe, now and then an exec or a secrets listing. */
  private scheduleOperators(): void {
    this.eachDay((day) => {
      const sessions = this.random.int(2, 6);
      for (let i = 0; i < sessions; i++) {
        const at = day + this.random.int(7 * HOUR, 18 * HOUR);
        if (!isWorkingHour(at)) continue;
        this.at(at, () => this.operatorSession());
      }
    });
  }

  private operatorSession(): void {
    const who = this.operator();
    const namespace = this.random.pick(['shop', 'shop', 'ingress-nginx', 'kube-system', 'ci']);
    let delay = 0;
    const later = (fn: () => void) => {
      delay += this.random.int(4_000, 90_000);
      this.ctx.clock.setTimeout(fn, delay);
    };
    this.world.call(who, { verb: 'list', resource: 'pods', namespace, query: 'limit=500' });
    const pods = [...this.world.pods.values()].filter(
      (pod) => pod.namespace === namespace && pod.phase === 'Running',
    );
    if (pods.length === 0) return;
    const pod = this.random.pick(pods);
    later(() =>
      this.world.call(who, {
        verb: 'get',
        resource: 'pods',
        subresource: 'log',
        namespace,
        name: pod.name,
        query: `container=${pod.containers[0]!.spec.name}&tailLines=100`,
      }),
    );
    if (this.random.chance(0.5)) {
      later(() => {
        this.world.call(who, { verb: 'get', resource: 'pods', namespace, name: pod.name });
        this.world.call(who, {
          verb: 'list',
          resource: 'events',
          namespace,
          query: `fieldSelector=involvedObject.name%3D${pod.name}`,
        });
      });
    }
    if (this.random.chance(0.25) && namespace === 'shop')
      later(() => this.world.call(who, { verb: 'list', resource: 'secrets', namespace, query: 'limit=500' }));
    if (this.random.chance(0.3) && namespace === 'shop') {
      later(() => {
        if (!this.world.pods.has(pod.uid)) return;
        const commands =
          pod.workload?.name === 'catalog-api'
            ? [
                ['sh', '-c', 'ls -la /app && cat /app/appsettings.Production.json | grep -v Password'],
                ['sh', '-c', 'wget -qO- http://localhost:8080/healthz'],
              ]
            : [
                ['sh', '-c', 'ls -la /var/www/html/uploads'],
                ['sh', '-c', 'php -v'],
                ['sh', '-c', 'df -h'],
              ];
        this.world.exec(pod, who, this.random.pick(commands), {
          container: pod.containers[pod.containers.length - 1]!.spec.name,
        });
      });
    }
  }

  /** A developer trying things in `dev` twice a week: the PodSecurity and image gates say no, then a compliant pod runs. */
  private scheduleDeveloper(): void {
    const dev: Requester = {
      user: entraUser('j.doe@contoso.com', '6f2a9c4e-8b1d-4e3f-a5c7-9d0b2e4f6a81', false),
      sourceIp: IP.corporateEgress,
      userAgent: USER_AGENT.kubectl,
    };
    this.eachDay((day) => {
      const weekday = new Date(day).getUTCDay();
      if (weekday !== 2 && weekday !== 4) return;
      const at = day + this.random.int(9 * HOUR, 16 * HOUR);
      const ubuntu = { registry: 'docker.io', repository: 'library/ubuntu', tag: '22.04' };
      const privilegedDebug: PodTemplate = {
        labels: { run: 'debug' },
        serviceAccount: 'default',
        containers: [
          {
            name: 'debug',
            image: ubuntu,
            command: ['sleep', 'infinity'],
            securityContext: { privileged: true },
            process: { exe: '/usr/bin/sleep', cmdline: 'sleep infinity', user: 'root' },
          },
        ],
      };
      this.at(at, () =>
        this.world.createPod({
          template: privilegedDebug,
          namespace: 'dev',
          name: 'debug',
          requester: dev,
          fieldManager: 'kubectl-run',
        }),
      );
      this.at(at + this.random.int(60_000, 300_000), () =>
        this.world.createPod({
          template: {
            labels: { run: 'legacy-tool' },
            serviceAccount: 'default',
            containers: [
              {
                name: 'legacy-tool',
                image: { registry: 'contoso.azurecr.io', repository: 'dev/legacy-tool', tag: '0.9' },
                process: {
                  exe: '/usr/local/bin/legacy-tool',
                  cmdline: '/usr/local/bin/legacy-tool --serve',
                  user: 'root',
                },
              },
            ],
          },
          namespace: 'dev',
          name: 'legacy-tool',
          requester: dev,
          fieldManager: 'kubectl-run',
        }),
      );
      const debugAt = at + this.random.int(6 * MINUTE, 20 * MINUTE);
      this.at(debugAt, () => {
        const { pod } = this.world.createPod({
          template: {
            ...privilegedDebug,
            containers: [{ ...privilegedDebug.containers[0]!, securityContext: undefined }],
          },
          namespace: 'dev',
          name: 'debug',
          requester: dev,
          fieldManager: 'kubectl-run',
        });
        if (!pod) return;
        this.ctx.clock.setTimeout(
          () => {
            if (this.world.pods.has(pod.uid)) this.world.exec(pod, dev, ['bash'], { tty: true });
          },
          this.random.int(30_000, 120_000),
        );
        this.ctx.clock.setTimeout(
          () => {
            if (this.world.pods.has(pod.uid)) this.world.deletePod(pod, dev);
          },
          this.random.int(40 * MINUTE, 2 * HOUR),
        );
      });
    });
  }

  /** Pipeline builds on the self-hosted agent use the node's Docker socket legitimately. */
  private scheduleBuilds(): void {
    this.eachDay((day) => {
      const builds = this.random.int(1, 4);
      for (let i = 0; i < builds; i++) {
        const at = day + this.random.int(8 * HOUR, 18 * HOUR);
        if (!isWorkingHour(at)) continue;
        this.at(at, () => {
          const agent = [...this.world.pods.values()].find(
            (pod) => pod.workload?.name === 'build-agent' && pod.phase === 'Running',
          );
          if (!agent) return;
          const run = this.random.int(3100, 3999);
          const tag = `1.4.${this.random.int(3, 9)}-ci.${run}`;
          const now = this.ctx.clock.now();
          this.logs.write(
            agent,
            'azp-agent',
            now,
            `${new Date(now).toISOString().slice(0, 19)}Z: Running job: Build storefront (run ${run})`,
          );
          this.world.runProcess(
            { pod: agent },
            {
              exe: '/usr/local/bin/nerdctl',
              cmdline: `nerdctl --namespace k8s.io build -t contoso.azurecr.io/shop/storefront:${tag} -f Dockerfile .`,
              parentExe: '/usr/bin/bash',
              user: 'root',
            },
          );
          this.ctx.clock.setTimeout(
            () => {
              this.world.runProcess(
                { pod: agent },
                {
                  exe: '/usr/local/bin/nerdctl',
                  cmdline: `nerdctl --namespace k8s.io push contoso.azurecr.io/shop/storefront:${tag}`,
                  parentExe: '/usr/bin/bash',
                  user: 'root',
                },
              );
              this.onImagePushed({ registry: 'contoso.azurecr.io', repository: 'shop/storefront', tag });
              this.logs.write(
                agent,
                'azp-agent',
                this.ctx.clock.now(),
                `${new Date(this.ctx.clock.now()).toISOString().slice(0, 19)}Z: Job Build storefront completed with result: Succeeded`,
              );
            },
            this.random.int(3 * MINUTE, 9 * MINUTE),
          );
        });
      }
    });
  }

  /** catalog-api reads Key Vault with the kubelet identity through IMDS: a benign but alerting pattern. */
  private scheduleManagedIdentityCalls(): void {
    this.eachDay((day) => {
      if (!this.random.chance(0.6)) return;
      const at = day + this.random.int(0, DAY - 1);
      this.at(at, () => {
        const api = [...this.world.pods.values()].find(
          (pod) => pod.workload?.name === 'catalog-api' && pod.phase === 'Running',
        );
        if (!api) return;
        const process = api.runtime?.processes[0];
        if (process) this.world.connect({ pod: api }, process, IP.imds, 80);
      });
    });
  }
}
