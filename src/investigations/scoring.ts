/** Points an objective still gives after the learner opened `opened` hint tiers (never below zero). */
export function availablePoints(points: number, hintCosts: readonly number[], opened: number): number {
  const spent = hintCosts.slice(0, opened).reduce((sum, cost) => sum + cost, 0);
  return Math.max(0, points - spent);
}
