/** How the portal prints times: minutes in UTC, the dataset's clock. */
export function formatTime(iso: string): string {
  if (!iso) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

export function severityClass(severity: string): string {
  return `portal-severity portal-severity--${severity.toLowerCase() || 'unknown'}`;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
