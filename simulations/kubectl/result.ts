import { statusReason } from '../cluster/statusReason';

/** What one kubectl invocation prints and returns. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The start of stderr that kubectl prints before stdout (warnings, "Defaulted container" notices). */
  lead?: string;
}

/** Both streams in the order a terminal shows them. */
export function transcript(output: CommandOutput): string {
  const lead = output.lead && output.stderr.startsWith(output.lead) ? output.lead : '';
  return `${lead}${output.stdout}${output.stderr.slice(lead.length)}`;
}

export function ok(stdout: string, stderr = ''): CommandOutput {
  return { stdout, stderr, exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1, stdout = ''): CommandOutput {
  return { stdout, stderr, exitCode };
}

/** Joins text blocks with a trailing newline, as a terminal shows them (empty blocks print nothing). */
export function lines(...blocks: string[]): string {
  const text = blocks.filter((b) => b.length > 0).join('\n');
  return text.length > 0 ? `${text}\n` : '';
}

export function serverError(code: number, message: string): string {
  return `Error from server (${statusReason(code)}): ${message}\n`;
}
