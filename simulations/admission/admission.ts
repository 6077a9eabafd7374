import { evaluatePodSecurity, failureText, parsePolicyVersion, type PssLevel } from './pss';
import type { ImagePolicy } from './imagePolicy';

const LABEL = 'pod-security.kubernetes.io/';

export interface AdmissionResult {
  allowed: boolean;
  /** 403 message of a denial, as the API server words it. */
  message: string;
  /** Audit annotations the admission chain adds to the request's audit event. */
  annotations: Record<string, string>;
  /** `Warning:` lines kubectl would print. */
  warnings: string[];
}

export interface PodAdmissionRequest {
  namespace: string;
  namespaceLabels: Record<string, string>;
  pod: { metadata?: unknown; spec?: unknown };
  /** Name used in the denial ("pods "x" is forbidden"); controllers' pods use their generateName. */
  displayName: string;
  images: string[];
  /** Pods are enforced; workload objects with a pod template only get warn and audit. */
  isPod: boolean;
}

function levelOf(value: string | undefined): PssLevel {
  return value === 'baseline' || value === 'restricted' ? value : 'privileged';
}

/**
 * The admission chain for pods: the built-in PodSecurity plugin (enforce / audit / warn from namespace
 * labels) and the Azure Policy (Gatekeeper) image gate.
 */
export class AdmissionChain {
  constructor(
    private readonly latestMinor: number,
    private readonly imagePolicy: ImagePolicy,
  ) {}

  admitPod(request: PodAdmissionRequest): AdmissionResult {
    const labels = request.namespaceLabels;
    const annotations: Record<string, string> = {};
    const warnings: string[] = [];
    const mode = (name: 'enforce' | 'audit' | 'warn') => {
      const level = levelOf(labels[`${LABEL}${name}`]);
      const versionLabel = labels[`${LABEL}${name}-version`];
      const minor = parsePolicyVersion(versionLabel, this.latestMinor);
      const versionText = versionLabel && /^v1\.\d+$/.test(versionLabel) ? versionLabel : 'latest';
      return { level, minor, policy: `${level}:${versionText}` };
    };
    const enforce = mode('enforce');
    annotations['pod-security.kubernetes.io/enforce-policy'] = enforce.policy;
    if (request.isPod) {
      const result = evaluatePodSecurity(request.pod, enforce.level, enforce.minor);
      if (!result.allowed) {
        return {
          allowed: false,
          message: `pods "${request.displayName}" is forbidden: violates PodSecurity "${enforce.policy}": ${failureText(result.failures)}`,
          annotations,
          warnings,
        };
      }
    }
    const audit = mode('audit');
    const auditResult = evaluatePodSecurity(request.pod, audit.level, audit.minor);
    if (!auditResult.allowed)
      annotations['pod-security.kubernetes.io/audit-violations'] =
        `would violate PodSecurity "${audit.policy}": ${failureText(auditResult.failures)}`;
    const warn = mode('warn');
    const warnResult = evaluatePodSecurity(request.pod, warn.level, warn.minor);
    if (!warnResult.allowed)
      warnings.push(`would violate PodSecurity "${warn.policy}": ${failureText(warnResult.failures)}`);
    if (!request.isPod && enforce.level !== 'privileged') {
      const wouldFail = evaluatePodSecurity(request.pod, enforce.level, enforce.minor);
      if (!wouldFail.allowed)
        warnings.push(`would violate PodSecurity "${enforce.policy}": ${failureText(wouldFail.failures)}`);
    }
    const imageDecision = this.imagePolicy.evaluate(request.namespace, request.images);
    if (!imageDecision.allowed)
      return { allowed: false, message: imageDecision.message, annotations, warnings };
    return { allowed: true, message: '', annotations, warnings };
  }
}
