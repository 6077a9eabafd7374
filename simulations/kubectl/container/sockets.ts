import type { PodState } from '../../cluster/podState';
import type { ClusterWorld } from '../../cluster/world';
import { hashString } from '../../core/random';
import { stillRunning, visibleProcesses } from './processes';

interface Socket {
  state: 'LISTEN' | 'ESTAB';
  recvQ: number;
  sendQ: number;
  localAddress: string;
  localPort: string;
  peerAddress: string;
  peerPort: string;
  process: string;
}

/** Well-known listeners of the programs the cluster runs, beyond their declared container ports. */
const PROGRAM_LISTENERS: { match: RegExp; address: string; port: number }[] = [
  { match: /php-fpm: master/, address: '127.0.0.1', port: 9000 },
];

/** The node's own listeners, which a hostNetwork pod sees. */
const NODE_LISTENERS: [string, string][] = [
  ['127.0.0.53%lo', '53'],
  ['0.0.0.0', '22'],
  ['127.0.0.1', '10248'],
  ['127.0.0.1', '35215'],
  ['*', '10250'],
  ['*', '10256'],
];

function users(name: string, pid: number, fd: number): string {
  return `users:(("${name}",pid=${pid},fd=${fd}))`;
}

function programName(command: string): string {
  const first = command.split(/[\s:]/)[0] ?? command;
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

/** Sockets in the pod's network namespace (shared by its containers; the node's for hostNetwork). */
function sockets(world: ClusterWorld, pod: PodState, container: string, listening: boolean): Socket[] {
  const visible = visibleProcesses(world, pod, container);
  const mine = (command: string) => visible.find((p) => p.command === command);
  const result: Socket[] = [];
  if (listening) {
    if (pod.template.hostNetwork)
      for (const [address, port] of NODE_LISTENERS)
        result.push({
          state: 'LISTEN',
          recvQ: 0,
          sendQ: address.startsWith('*') || address === '0.0.0.0' ? 128 : 4096,
          localAddress: address,
          localPort: port,
          peerAddress: address === '*' ? '*' : '0.0.0.0',
          peerPort: '*',
          process: '',
        });
    for (const c of pod.containers) {
      const main = (pod.runtime?.processes ?? []).find(
        (p) => world.processContainers.get(p) === c.spec.name && p.parentExe === 'containerd-shim-runc-v2',
      );
      const owner = main ? mine(main.cmdline) : undefined;
      for (const port of c.spec.ports ?? [])
        result.push({
          state: 'LISTEN',
          recvQ: 0,
          sendQ: 511,
          localAddress: '0.0.0.0',
          localPort: String(port.containerPort),
          peerAddress: '0.0.0.0',
          peerPort: '*',
          process: owner ? users(programName(owner.command), owner.pid, 7) : '',
        });
      for (const listener of PROGRAM_LISTENERS)
        if (main && listener.match.test(main.cmdline))
          result.push({
            state: 'LISTEN',
            recvQ: 0,
            sendQ: 511,
            localAddress: listener.address,
            localPort: String(listener.port),
            peerAddress: '0.0.0.0',
            peerPort: '*',
            process: owner ? users(programName(owner.command), owner.pid, 7) : '',
          });
    }
    for (const process of pod.runtime?.processes ?? []) {
      const listen = /\bnc\b.*-l\S*\s+(?:-p\s*)?(\d+)|-lvnp\s*(\d+)/.exec(process.cmdline);
      if (!listen || !stillRunning(process)) continue;
      const shown = mine(process.cmdline);
      result.push({
        state: 'LISTEN',
        recvQ: 0,
        sendQ: 1,
        localAddress: '0.0.0.0',
        localPort: listen[1] ?? listen[2]!,
        peerAddress: '0.0.0.0',
        peerPort: '*',
        process: shown ? users(programName(shown.command), shown.pid, 3) : '',
      });
    }
    return result.sort((a, b) => Number(a.localPort) - Number(b.localPort));
  }
  const localIp = pod.template.hostNetwork ? pod.node.ip : pod.ip;
  for (const connection of pod.runtime?.connections ?? []) {
    if (connection.process && !stillRunning(connection.process)) continue;
    const shown = connection.process ? mine(connection.process.cmdline) : undefined;
    const port =
      32768 +
      (hashString(`${connection.destinationIp}:${connection.destinationPort}:${connection.time}`) % 28000);
    const name = connection.process ? programName(connection.process.exe) : '';
    result.push({
      state: 'ESTAB',
      recvQ: 0,
      sendQ: 0,
      localAddress: localIp,
      localPort: String(port),
      peerAddress: connection.destinationIp,
      peerPort: String(connection.destinationPort),
      process: shown
        ? `users:(("${name}",pid=${shown.pid},fd=2),("${name}",pid=${shown.pid},fd=1),("${name}",pid=${shown.pid},fd=0))`
        : '',
    });
  }
  return result;
}

/** iproute2 `ss -t[l]n[p]` as printed to a pipe: widths from the widest value, addresses right-aligned. */
export function ssOutput(world: ClusterWorld, pod: PodState, container: string, flags: string): string {
  const listening = flags.includes('l');
  const withProcess = flags.includes('p');
  const list = sockets(world, pod, container, listening).map((s) => ({
    ...s,
    process: withProcess ? s.process : '',
  }));
  const width = (header: string, values: string[]) => Math.max(header.length, ...values.map((v) => v.length));
  const state = width(
    'State',
    list.map((s) => s.state),
  );
  const recv = width(
    'Recv-Q',
    list.map((s) => String(s.recvQ)),
  );
  const send = width(
    'Send-Q',
    list.map((s) => String(s.sendQ)),
  );
  const localAddress = width(
    'Local Address',
    list.map((s) => s.localAddress),
  );
  const localPort = width(
    'Port',
    list.map((s) => s.localPort),
  );
  const peerAddress = width(
    'Peer Address',
    list.map((s) => s.peerAddress),
  );
  const peerPort = width(
    'Port',
    list.map((s) => s.peerPort),
  );
  const process = width(
    'Process',
    list.map((s) => s.process),
  );
  const columns = (cells: [string, string, string, string, string, string, string]) =>
    `${cells[0].padEnd(state)} ${cells[1].padEnd(recv)} ${cells[2].padEnd(send)} ${cells[3].padStart(localAddress)}:${cells[4].padEnd(localPort)} ${cells[5].padStart(peerAddress)}:${cells[6].padEnd(peerPort)}`;
  // ss prints the header's Process right after the last Port, but a space before each row's process.
  const header = `${columns(['State', 'Recv-Q', 'Send-Q', 'Local Address', 'Port', 'Peer Address', 'Port'])}${'Process'.padEnd(process)}`;
  const rows = list.map(
    (s) =>
      `${columns([s.state, String(s.recvQ), String(s.sendQ), s.localAddress, s.localPort, s.peerAddress, s.peerPort])} ${s.process.padEnd(process)}`,
  );
  return `${[header, ...rows].join('\n')}\n`;
}
