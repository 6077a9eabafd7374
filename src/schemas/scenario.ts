import { z } from 'zod';

const identifier = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

/** One tier of help for an objective: the first says which table, the next which columns or operator, the last a near-complete query. */
export const scenarioHint = z.object({
  text: z
    .string()
    .min(1)
    .describe(
      'The hint itself (Markdown inline code allowed), e.g. "Start from SecurityAlert: which alert names a pod?".',
    ),
  cost: z
    .number()
    .int()
    .nonnegative()
    .describe('Points taken from the objective when the learner opens this tier.'),
});

/** A wrong answer learners are known to give, with why it is wrong. */
export const scenarioWrongAnswer = z
  .object({
    answer: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The wrong answer as text (compared after normalisation), for answers that are the same in every seed.',
      ),
    query: z
      .string()
      .min(1)
      .optional()
      .describe(
        "A KQL query whose single value on the case's dataset is the wrong answer, for answers that change with the seed (the node's own kubelet identity).",
      ),
    explanation: z
      .string()
      .min(1)
      .describe(
        'What the learner is told, e.g. "That is the node\'s own kubelet identity, not the attacker\'s."',
      ),
  })
  .refine((value) => (value.answer === undefined) !== (value.query === undefined), {
    message: 'give exactly one of answer or query',
  });

/** The module's four investigation steps (lesson "Investigating a container escape"). */
export const investigationStep = z
  .enum(['preserve-evidence', 'image', 'pod-configuration', 'lateral-movement'])
  .describe(
    'Which of the four investigation steps the finding belongs to: preserve-evidence (what happened, who, when, before the pod is gone), image (the image and its vulnerabilities), pod-configuration (privileges, mounts, namespaces, service account), lateral-movement (what the attacker reached beyond the pod).',
  );

function capturesOneGroup(pattern: string): boolean {
  try {
    return new RegExp(`${pattern}|`).exec('')!.length > 1;
  } catch {
    return false;
  }
}

/**
 * Evidence only the live pod holds (its processes, its open connections): the answer is read from what a command
 * prints inside the pod on the case's live cluster, before the pod is replaced. No log has it.
 */
export const scenarioLiveEvidence = z
  .object({
    pod: z
      .string()
      .min(1)
      .describe(
        'A KQL query whose single value on the case\'s dataset is the pod to look into, as "namespace/name" (e.g. from the alert that names it).',
      ),
    container: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The container to run the command in (`kubectl exec -c`); omit for the pod's first container.",
      ),
    command: z
      .string()
      .min(1)
      .describe('What the learner runs after `kubectl exec … --`, e.g. "ss -tnp" or "ps aux".'),
    pattern: z
      .string()
      .min(1)
      .refine(capturesOneGroup, {
        message: 'a regular expression with at least one capture group (the answer), e.g. "pid=(\\d+)"',
      })
      .describe(
        "A regular expression (JavaScript, multiline) over the command's output; its first capture group is the answer, and every match must capture the same value.",
      ),
  })
  .strict();

export const scenarioObjective = z
  .object({
    id: identifier.describe('Stable identifier of the objective within the scenario.'),
    question: z
      .string()
      .min(1)
      .describe('What the learner must find out, e.g. "Which pod mounted the Docker socket?".'),
    points: z.number().int().positive().default(100).describe('Points for a correct answer before hints.'),
    query: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Reference KQL query: its single value (one row, first column) on the case's dataset is the answer, so answers follow the seed. Must parse and bind against the table schemas.",
      ),
    fixed: z
      .boolean()
      .default(false)
      .describe(
        "True when the query's answer is the same for every seed by nature (a fixed path such as /var/run/docker.sock, a CVE, a workload the cluster always runs); scenario:check then does not require it to change between seeds.",
      ),
    live: scenarioLiveEvidence
      .optional()
      .describe(
        "Evidence only the live pod had: the answer is read from a command's output inside the pod on the case's live cluster (Cluster tab), which is replaced some time after the dataset's now.",
      ),
    answers: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        "Static accepted answers, for answers that are not in the data (a concept, a choice); also accepted beside the query's value.",
      ),
    answerFormat: z
      .string()
      .min(1)
      .optional()
      .describe(
        'What form the answer takes, shown under the field, e.g. "namespace/name" or "an IPv4 address".',
      ),
    wrongAnswers: z
      .array(scenarioWrongAnswer)
      .default([])
      .describe('Known wrong answers, each with its own explanation.'),
    hints: z
      .array(scenarioHint)
      .min(1)
      .max(4)
      .describe(
        'Hints in tiers, cheapest first: which table, then which columns or operator, then a near-complete query.',
      ),
    step: investigationStep,
    debrief: z
      .string()
      .min(1)
      .describe(
        'Shown in the debrief beside the answer: why it matters, and the detection or prevention behind it.',
      ),
  })
  .refine((value) => value.query !== undefined || value.answers !== undefined || value.live !== undefined, {
    message: 'give a reference query, live evidence, static answers, or a combination',
  })
  .refine((value) => value.query === undefined || value.live === undefined, {
    message: 'give either a reference query or live evidence, not both',
  });

/** A control that would have stopped the attack, for the debrief. */
export const scenarioPrevention = z.object({
  control: z
    .enum(['pod-security', 'image-policy', 'rbac', 'network-policy', 'configuration'])
    .describe(
      'Which kind of control: a Pod Security level, an image policy, RBAC, a network policy, or cluster configuration.',
    ),
  text: z.string().min(1).describe('What to configure and what it would have refused or contained.'),
});

/** A detection that could have fired, for the debrief. */
export const scenarioMissedDetection = z.object({
  alert: z
    .string()
    .min(1)
    .describe(
      'The Defender for Containers alert name exactly as the alert catalog spells it, or a Sentinel analytics rule idea.',
    ),
  why: z.string().min(1).describe('Why it did not fire here, or what would have made it fire.'),
});

/** How the simulated cluster's logs are collected; every setting omitted takes the AKS default. */
export const scenarioCollection = z
  .object({
    auditRate: z
      .number()
      .positive()
      .max(4)
      .optional()
      .describe(
        "Multiplier on the API server's system traffic (kubelets, controllers, leases, watches): 1 (default) is a 3-node AKS cluster's real cadence (leases renewed every 10 s); 0.25 keeps a quarter of it for a lighter dataset.",
      ),
    kubeEvents: z
      .enum(['warning', 'all'])
      .optional()
      .describe(
        "Which Kubernetes events reach KubeEvents: warning (default, Container insights' default) or all (collect_all_kube_events on, Normal events too).",
      ),
    kubeSystemLogs: z
      .boolean()
      .optional()
      .describe(
        "Whether kube-system's container logs are collected; false (default) as Container insights excludes the namespace.",
      ),
    containerLogSchema: z
      .enum(['v2', 'v1'])
      .optional()
      .describe(
        'Container log schema: v2 (default, ContainerLogV2) or v1 (the legacy ContainerLog table, for clusters not yet moved to v2).',
      ),
    diagnosticDestination: z
      .enum(['resource-specific', 'azure-diagnostics'])
      .optional()
      .describe(
        "Where the cluster's diagnostic setting sends the audit and control-plane logs (a workspace gets one or the other): resource-specific (default; AKSAudit, AKSAuditAdmin, AKSControlPlane) or azure-diagnostics (the legacy AzureDiagnostics table, the category in Category and the line in log_s).",
      ),
  })
  .strict();

/** A scripted investigation: a storyline played over simulated background activity, and what to find. */
export const scenario = z.object({
  id: identifier.describe('Stable identifier; the dataset id is the scenario id, the seed and the days.'),
  title: z.string().min(1).describe('Title shown in the scenario list.'),
  summary: z.string().min(1).describe('One or two sentences that set the scene for the learner.'),
  difficulty: z
    .enum(['beginner', 'intermediate', 'advanced'])
    .describe('How much KQL and Kubernetes it assumes.'),
  minutes: z.number().int().positive().describe('Estimated minutes to solve it.'),
  objective: z
    .string()
    .min(1)
    .describe(
      'The SC-200 skill it practises, as in the lessons, e.g. "Investigate and remediate container threats".',
    ),
  lessons: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Slugs of the lessons that the case practises (e.g. "modules/4-7/investigate-escape"); they link to it.',
    ),
  seed: z
    .number()
    .int()
    .nonnegative()
    .describe('Default seed of the random source; the same seed gives the same data and the same answers.'),
  storyline: z.string().min(1).describe('Id of the attack storyline (timed steps) the simulation plays.'),
  days: z.number().int().positive().max(30).default(1).describe('Days of background activity to simulate.'),
  openingAlert: z
    .string()
    .min(1)
    .describe(
      'AlertType of the alert that opens the case (its incident is shown as the evidence), e.g. "K8S_PrivilegedContainer".',
    ),
  collection: scenarioCollection
    .optional()
    .describe(
      "How the cluster's logs are collected (Container insights settings, audit volume); omit for AKS's defaults.",
    ),
  objectives: z.array(scenarioObjective).min(1).describe('What the learner is graded on.'),
  prevention: z
    .array(scenarioPrevention)
    .min(1)
    .describe('The controls that would have stopped the attack, shown in the debrief.'),
  missedDetections: z
    .array(scenarioMissedDetection)
    .default([])
    .describe('Detections that could have fired and did not, shown in the debrief.'),
});

export type Scenario = z.infer<typeof scenario>;
export type ScenarioObjective = z.infer<typeof scenarioObjective>;
