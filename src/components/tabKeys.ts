/**
 * The tab a key moves to in a tablist (WAI-ARIA tabs: arrows wrap around, Home and End go to the ends), or undefined
 * for any other key. Shared by every tablist of the site.
 */
export function tabKeyTarget(key: string, index: number, count: number): number | undefined {
  const targets: Record<string, number> = {
    ArrowRight: (index + 1) % count,
    ArrowLeft: (index - 1 + count) % count,
    Home: 0,
    End: count - 1,
  };
  return targets[key];
}
