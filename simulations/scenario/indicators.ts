import { ANONYMISING_PROXY_IPS, IP, OPERATORS } from '../cluster/constants';
import { Random } from '../../src/shared/random';

/**
 * Pickers for the indicators a storyline draws per case (addresses, people, names, tags, hosts), so that
 * another seed is another investigation with other answers. Every list holds plausible values only: what
 * a learner reads must look like a real attack on a real AKS cluster.
 */

/** The IPv4 documentation ranges (RFC 5737): the only public-looking addresses the lab uses. */
export const DOCUMENTATION_RANGES = ['192.0.2', '198.51.100', '203.0.113'] as const;
export type DocumentationRange = (typeof DOCUMENTATION_RANGES)[number];

/** Addresses the cluster and its background activity already use: an attacker never gets one of them. */
const CLUSTER_ADDRESSES: ReadonlySet<string> = new Set<string>([
  ...Object.values(IP),
  ...OPERATORS.map((operator) => operator.ip),
  ...ANONYMISING_PROXY_IPS,
]);

/**
 * An address within a documentation range that the cluster does not use and that is not in `avoid`
 * (addresses the same storyline already drew, so two roles never share one).
 */
export function externalIp(
  random: Random,
  options: { ranges?: readonly DocumentationRange[]; avoid?: Iterable<string> } = {},
): string {
  const ranges = options.ranges ?? DOCUMENTATION_RANGES;
  const avoid = new Set(options.avoid ?? []);
  for (;;) {
    const candidate = `${random.pick(ranges)}.${random.int(2, 254)}`;
    if (!CLUSTER_ADDRESSES.has(candidate) && !avoid.has(candidate)) return candidate;
  }
}

/** An anonymising proxy or TOR exit that Defender's threat intelligence knows (so K8S_TI_Proxy fires). */
export function anonymisingProxyIp(random: Random): string {
  return random.pick(ANONYMISING_PROXY_IPS);
}

export interface Person {
  upn: string;
  /** Entra object id; the same person has the same id in every case. */
  oid: string;
}

/** Developers with kubectl access to the shared namespaces (one of them gets phished). */
export const DEVELOPERS: readonly string[] = [
  'j.doe',
  'a.novak',
  'l.fernandez',
  's.okafor',
  't.nguyen',
  'r.haddad',
  'e.lindqvist',
  'k.tanaka',
  'd.moreau',
  'n.kowalski',
];

const KNOWN_OIDS: Readonly<Record<string, string>> = {
  'j.doe@contoso.com': '6f2a9c4e-8b1d-4e3f-a5c7-9d0b2e4f6a81',
  ...Object.fromEntries(OPERATORS.map((operator) => [operator.upn, operator.oid])),
};

/** The person behind a UPN at contoso.com, with a stable object id. */
export function personFor(upn: string): Person {
  return { upn, oid: KNOWN_OIDS[upn] ?? new Random(`oid:${upn}`).uuid() };
}

/** A developer's account (UPN at contoso.com). */
export function developer(random: Random): Person {
  return personFor(`${random.pick(DEVELOPERS)}@contoso.com`);
}

/** One of the cluster's administrators, who also work on it in the background activity. */
export function clusterAdministrator(random: Random): Person & { usualIp: string } {
  const operator = random.pick(OPERATORS);
  return { upn: operator.upn, oid: operator.oid, usualIp: operator.ip };
}

/**
 * Names that imitate an AKS or Kubernetes system component without being one the cluster runs, for
 * workloads, pods and containers an attacker wants to blend in with.
 */
export const SYSTEM_LOOKALIKE_NAMES: readonly string[] = [
  'azure-node-monitor',
  'kube-proxy-helper',
  'node-health-agent',
  'aks-node-exporter',
  'azure-cni-monitor',
  'coredns-metrics',
  'csi-node-helper',
  'kube-metrics-sync',
  'konnectivity-helper',
  'cloud-node-sync',
  'azure-policy-sync',
  'aks-log-forwarder',
];

/** Names a person would give a one-off troubleshooting pod. */
export const DIAGNOSTIC_POD_NAMES: readonly string[] = [
  'sys-diag',
  'node-debug',
  'diag-tools',
  'debug-node',
  'ops-toolbox',
  'node-shell',
  'perf-check',
  'net-diag',
];

/** Service-account names an attacker would choose to pass for an add-on's account. */
export const SERVICE_ACCOUNT_LOOKALIKES: readonly string[] = [
  'node-health-probe',
  'kube-state-sync',
  'metrics-reader',
  'cluster-autoheal',
  'policy-audit-agent',
  'node-problem-reporter',
  'cert-rotation',
  'aks-upgrade-helper',
];

/** Picks one name from `names` that is not in `avoid`. */
export function nameFrom(random: Random, names: readonly string[], avoid: Iterable<string> = []): string {
  const taken = new Set(avoid);
  const free = names.filter((name) => !taken.has(name));
  if (free.length === 0) throw new Error(`nameFrom: every name is taken (${names.join(', ')})`);
  return random.pick(free);
}

/** A semantic-version image tag such as `1.4.2`. */
export function imageTag(random: Random): string {
  return `${random.int(0, 3)}.${random.int(0, 12)}.${random.int(0, 9)}`;
}

/** Public repositories a miner hides behind: generic, monitoring-sounding names. */
export const MINER_REPOSITORIES: readonly string[] = [
  'metrics-exporter/node-agent',
  'sysmetrics/collector',
  'kubetools/node-stats',
  'infra-agents/perf-agent',
  'cloudmon/agent',
  'opsutils/node-probe',
];

/**
 * Public Monero pools (the host names miners are configured with), on the stratum ports Defender's sensor
 * recognises, so the same alerts fire whichever pool a case draws.
 */
export const MINING_POOLS: readonly { host: string; port: number }[] = [
  { host: 'pool.supportxmr.com', port: 3333 },
  { host: 'pool.hashvault.pro', port: 3333 },
  { host: 'xmr-eu1.nanopool.org', port: 14444 },
  { host: 'xmr-us-east1.nanopool.org', port: 14444 },
  { host: 'monerohash.com', port: 3333 },
  { host: 'xmrpool.eu', port: 3333 },
  { host: 'pool.minexmr.com', port: 3333 },
];

export function miningPool(random: Random): { host: string; port: number } {
  return random.pick(MINING_POOLS);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A Monero address shape (95 characters, starting with 4). */
export function moneroWallet(random: Random): string {
  let out = `4${random.pick(['4', '8', '3', '7'])}`;
  while (out.length < 95) out += BASE58[random.int(0, BASE58.length - 1)];
  return out;
}

/** Ports attackers use for a reverse shell listener. */
export function reverseShellPort(random: Random): number {
  return random.pick([4444, 9001, 1337, 8443, 5555, 31337]);
}

/** An OpenSSH public key line as an attacker would append it. */
export function sshPublicKey(random: Random): string {
  const body = Array.from({ length: 43 }, () => BASE58[random.int(0, BASE58.length - 1)]).join('');
  const comment = random.pick(['op@kali', 'root@vps', 'user@localhost', 'x@parrot', 'admin@debian']);
  return `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${body} ${comment}`;
}
