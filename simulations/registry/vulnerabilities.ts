/**
 * The vulnerability knowledge the simulated scanner uses: real CVEs (ids, scores, published dates) with
 * the package versions our images carry. `feedDelayDays` models a finding that Defender's vulnerability
 * data learns about during the dataset, so a clean image turns vulnerable on a later daily rescan.
 */
export type Severity = 'Critical' | 'High' | 'Medium' | 'Low';

export interface Vulnerability {
  cve: string;
  packageName: string;
  vulnerableVersions: string[];
  fixedVersion: string;
  cvss: number;
  vector: string;
  severity: Severity;
  published: string;
  description: string;
  cwe: string;
  /** Days after the dataset start at which the feed knows it; absent = known from the start. */
  feedDelayDays?: number;
}

export const VULNERABILITIES: readonly Vulnerability[] = [
  {
    cve: 'CVE-2017-9841',
    packageName: 'phpunit/phpunit',
    vulnerableVersions: ['5.6.2'],
    fixedVersion: '5.6.3',
    cvss: 9.8,
    vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    severity: 'Critical',
    published: '2017-06-27T17:29:00Z',
    description:
      'Util/PHP/eval-stdin.php in PHPUnit before 4.8.28 and 5.x before 5.6.3 allows remote attackers to execute arbitrary PHP code via HTTP POST data.',
    cwe: 'CWE-94',
  },
  {
    cve: 'CVE-2023-38545',
    packageName: 'curl',
    vulnerableVersions: ['7.88.1-10+deb12u1'],
    fixedVersion: '7.88.1-10+deb12u4',
    cvss: 9.8,
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    severity: 'Critical',
    published: '2023-10-18T04:15:11Z',
    description: 'A heap based buffer overflow in the SOCKS5 proxy handshake of curl and libcurl.',
    cwe: 'CWE-787',
  },
  {
    cve: 'CVE-2023-4911',
    packageName: 'libc6',
    vulnerableVersions: ['2.36-9+deb12u1'],
    fixedVersion: '2.36-9+deb12u3',
    cvss: 7.8,
    vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    severity: 'High',
    published: '2023-10-03T18:15:10Z',
    description:
      "A buffer overflow in the GNU C Library's dynamic loader ld.so while processing the GLIBC_TUNABLES environment variable.",
    cwe: 'CWE-122',
  },
  {
    cve: 'CVE-2023-4806',
    packageName: 'libc6',
    vulnerableVersions: ['2.36-9+deb12u1'],
    fixedVersion: '2.36-9+deb12u3',
    cvss: 5.9,
    vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H',
    severity: 'Medium',
    published: '2023-09-18T17:15:55Z',
    description:
      'A use-after-free in getaddrinfo of glibc when an NSS module implements only _nss_*_gethostbyname2_r.',
    cwe: 'CWE-416',
  },
  {
    cve: 'CVE-2023-44487',
    packageName: 'libnghttp2-14',
    vulnerableVersions: ['1.52.0-1'],
    fixedVersion: '1.52.0-1+deb12u1',
    cvss: 7.5,
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
    severity: 'High',
    published: '2023-10-10T14:15:10Z',
    description:
      'The HTTP/2 protocol allows a denial of service (server resource consumption) because request cancellation can reset many streams quickly ("Rapid Reset").',
    cwe: 'CWE-400',
  },
  {
    cve: 'CVE-2024-6387',
    packageName: 'openssh-client',
    vulnerableVersions: ['1:9.2p1-2+deb12u2'],
    fixedVersion: '1:9.2p1-2+deb12u3',
    cvss: 8.1,
    vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
    severity: 'High',
    published: '2024-07-01T13:15:06Z',
    description: "A signal handler race condition in OpenSSH's server (sshd) ('regreSSHion').",
    cwe: 'CWE-364',
  },
  {
    cve: 'CVE-2024-45490',
    packageName: 'libexpat1',
    vulnerableVersions: ['2.5.0-1'],
    fixedVersion: '2.5.0-1+deb12u1',
    cvss: 9.8,
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    severity: 'Critical',
    published: '2024-08-30T03:15:03Z',
    description: 'libexpat before 2.6.3: xmlparse.c does not reject a negative length for XML_ParseBuffer.',
    cwe: 'CWE-190',
  },
  {
    cve: 'CVE-2024-21907',
    packageName: 'Newtonsoft.Json',
    vulnerableVersions: ['12.0.3'],
    fixedVersion: '13.0.1',
    cvss: 7.5,
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
    severity: 'High',
    published: '2024-01-03T17:15:11Z',
    description:
      'Newtonsoft.Json before 13.0.1 is affected by a mishandling of exceptional conditions vulnerability (stack overflow via crafted JSON).',
    cwe: 'CWE-755',
    feedDelayDays: 1.5,
  },
];
