import type { Severity } from '../registry/vulnerabilities';

export interface ImageFinding {
  cve: string;
  severity: Severity;
}

export interface ImagePolicyDecision {
  allowed: boolean;
  /** The Gatekeeper denial as the API server returns it; empty when allowed. */
  message: string;
  /** Images that violate the policy (also reported when the effect is only audit). */
  violations: string[];
}

/**
 * An Azure Policy for Kubernetes assignment (Gatekeeper constraint) that gates images with High or
 * Critical findings. Its effect is `deny` only in the namespaces it is assigned to with deny, and
 * `audit` elsewhere, like a policy rolled out progressively.
 */
export class ImagePolicy {
  static readonly CONSTRAINT = 'azurepolicy-k8sazurev1vulnerableimages-0f8d6c1a2b3e4d5f6a7b';

  constructor(
    private readonly denyNamespaces: ReadonlySet<string>,
    private readonly findingsFor: (image: string) => readonly ImageFinding[],
  ) {}

  evaluate(namespace: string, images: readonly string[]): ImagePolicyDecision {
    const violations = images.filter((image) =>
      this.findingsFor(image).some(
        (finding) => finding.severity === 'High' || finding.severity === 'Critical',
      ),
    );
    if (violations.length === 0 || !this.denyNamespaces.has(namespace))
      return { allowed: true, message: '', violations };
    const details = violations
      .map((image) => {
        const worst = this.findingsFor(image).filter(
          (f) => f.severity === 'Critical' || f.severity === 'High',
        );
        return `[${ImagePolicy.CONSTRAINT}] Image ${image} has ${worst.length} vulnerabilities of severity High or Critical (${worst
          .map((f) => f.cve)
          .join(', ')}); deployment of vulnerable images is gated in namespace ${namespace}`;
      })
      .join('\n');
    return {
      allowed: false,
      message: `admission webhook "validation.gatekeeper.sh" denied the request: ${details}`,
      violations,
    };
  }
}
