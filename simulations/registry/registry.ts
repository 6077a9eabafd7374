import { REGISTRY_HOST } from '../cluster/constants';
import type { ImageSpec } from '../cluster/types';
import { Random } from '../../src/shared/random';

export interface ImagePackage {
  name: string;
  version: string;
  category: 'OS' | 'Language';
  language?: string;
  /** Index of the layer that installed it. */
  layer: number;
}

export interface ImageRecord {
  spec: ImageSpec;
  /** Manifest digest (what the registry and `imageID` show). */
  digest: string;
  /** Image config id (what the runtime shows as IMAGE ID). */
  imageId: string;
  sizeBytes: number;
  layers: { digest: string; sizeBytes: number; createdBy: string }[];
  osVersion: string;
  packages: ImagePackage[];
  /** Virtual time of the push; images pushed before the dataset start have a negative offset. */
  pushedAtMs: number;
}

const DEBIAN_OLD: Omit<ImagePackage, 'layer'>[] = [
  { name: 'libc6', version: '2.36-9+deb12u1', category: 'OS' },
  { name: 'curl', version: '7.88.1-10+deb12u1', category: 'OS' },
  { name: 'libnghttp2-14', version: '1.52.0-1', category: 'OS' },
  { name: 'libexpat1', version: '2.5.0-1', category: 'OS' },
  { name: 'openssl', version: '3.0.11-1~deb12u2', category: 'OS' },
  { name: 'zlib1g', version: '1:1.2.13.dfsg-1', category: 'OS' },
];
const DEBIAN_PATCHED: Omit<ImagePackage, 'layer'>[] = [
  { name: 'libc6', version: '2.36-9+deb12u7', category: 'OS' },
  { name: 'curl', version: '7.88.1-10+deb12u8', category: 'OS' },
  { name: 'libnghttp2-14', version: '1.52.0-1+deb12u2', category: 'OS' },
  { name: 'libexpat1', version: '2.5.0-1+deb12u1', category: 'OS' },
  { name: 'openssl', version: '3.0.15-1~deb12u1', category: 'OS' },
];

/** What each of the tenant's own images is built from (the ACR images Defender scans). */
const IMAGE_CONTENTS: Record<
  string,
  {
    base: string;
    os: Omit<ImagePackage, 'layer'>[];
    app: Omit<ImagePackage, 'layer'>[];
    pushedDaysAgo: number;
  }
> = {
  'shop/storefront:1.4.2': {
    base: 'php:8.1-fpm-bullseye',
    os: DEBIAN_OLD,
    app: [
      { name: 'phpunit/phpunit', version: '5.6.2', category: 'Language', language: 'php' },
      { name: 'guzzlehttp/guzzle', version: '7.8.1', category: 'Language', language: 'php' },
    ],
    pushedDaysAgo: 23,
  },
  'shop/storefront-nginx:1.25.4': { base: 'nginx:1.25.4', os: DEBIAN_PATCHED, app: [], pushedDaysAgo: 23 },
  'shop/catalog-api:2.3.0': {
    base: 'mcr.microsoft.com/dotnet/aspnet:8.0',
    os: DEBIAN_PATCHED,
    app: [
      { name: 'Newtonsoft.Json', version: '12.0.3', category: 'Language', language: 'dotnet' },
      { name: 'Azure.Identity', version: '1.12.0', category: 'Language', language: 'dotnet' },
    ],
    pushedDaysAgo: 9,
  },
  'shop/report-export:1.0.7': {
    base: 'python:3.12-slim-bookworm',
    os: DEBIAN_PATCHED,
    app: [{ name: 'requests', version: '2.32.3', category: 'Language', language: 'python' }],
    pushedDaysAgo: 40,
  },
  'ci/azp-agent:3.236': {
    base: 'ubuntu-style debian:bookworm',
    os: [
      ...DEBIAN_OLD,
      { name: 'openssh-client', version: '1:9.2p1-2+deb12u2', category: 'OS' },
      { name: 'docker-ce-cli', version: '5:26.1.4-1~debian.12~bookworm', category: 'OS' },
    ],
    app: [],
    pushedDaysAgo: 61,
  },
  'dev/legacy-tool:0.9': {
    base: 'debian:bookworm',
    os: DEBIAN_OLD,
    app: [],
    pushedDaysAgo: 120,
  },
};

function digestFor(label: string): string {
  return `sha256:${new Random(`digest:${label}`).hex(64)}`;
}

/**
 * Every image the cluster runs, with stable digests and layers. Digests depend only on the image name,
 * so they match across seeds (as real digests would); the tenant's ACR images also carry packages.
 */
export class ImageRegistry {
  private readonly records = new Map<string, ImageRecord>();
  /** Tags pushed during the dataset (CI builds), with the repository:tag they were built like. */
  private readonly pushed = new Map<string, { basedOn: string; atMs: number }>();

  constructor(private readonly startMs: number) {}

  key(spec: ImageSpec): string {
    return `${spec.registry}/${spec.repository}:${spec.tag}`;
  }

  get(spec: ImageSpec): ImageRecord {
    const key = this.key(spec);
    let record = this.records.get(key);
    if (!record) {
      record = this.build(spec);
      this.records.set(key, record);
    }
    return record;
  }

  /** Images in the tenant's registry, the ones Defender for Containers scans. */
  scannable(): ImageRecord[] {
    return [...Object.keys(IMAGE_CONTENTS), ...this.pushed.keys()].map((key) => {
      const [repository, tag] = key.split(':') as [string, string];
      return this.get({ registry: REGISTRY_HOST, repository, tag });
    });
  }

  isScannable(spec: ImageSpec): boolean {
    const key = `${spec.repository}:${spec.tag}`;
    return spec.registry === REGISTRY_HOST && (key in IMAGE_CONTENTS || this.pushed.has(key));
  }

  /** A CI build pushed a new tag built from the same Dockerfile as `basedOn` (repository:tag). */
  push(spec: ImageSpec, basedOn: string, atMs: number): ImageRecord {
    this.pushed.set(`${spec.repository}:${spec.tag}`, { basedOn, atMs });
    return this.get(spec);
  }

  private build(spec: ImageSpec): ImageRecord {
    const key = this.key(spec);
    const random = new Random(`image:${key}`);
    const pushed = this.pushed.get(`${spec.repository}:${spec.tag}`);
    const contents =
      spec.registry === REGISTRY_HOST
        ? IMAGE_CONTENTS[pushed?.basedOn ?? `${spec.repository}:${spec.tag}`]
        : undefined;
    const layerCount = random.int(3, 9);
    const layers = Array.from({ length: layerCount }, (_, index) => ({
      digest: digestFor(`${key}#layer${index}`),
      sizeBytes: random.int(2_000, 40_000_000),
      createdBy:
        index === 0
          ? `/bin/sh -c #(nop) ADD file:${random.hex(64)} in / `
          : index === 1 && contents
            ? 'RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl ca-certificates # buildkit'
            : `COPY . /app # buildkit`,
    }));
    const packages: ImagePackage[] = contents
      ? [
          ...contents.os.map((p) => ({ ...p, layer: Math.min(1, layerCount - 1) })),
          ...contents.app.map((p) => ({ ...p, layer: layerCount - 1 })),
        ]
      : [];
    return {
      spec,
      digest: digestFor(key),
      imageId: digestFor(`${key}#config`),
      sizeBytes: layers.reduce((sum, layer) => sum + layer.sizeBytes, 0),
      layers,
      osVersion: 'debian_linux_12',
      packages,
      pushedAtMs:
        pushed?.atMs ?? this.startMs - (contents?.pushedDaysAgo ?? random.int(20, 200)) * 86_400_000,
    };
  }
}
