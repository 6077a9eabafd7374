/**
 * The beta distribution (beta_cdf, beta_pdf, beta_inv) through stdlib's ports of Boost's algorithms, with Kusto's
 * rules for arguments outside the domain: x outside [0, 1] or a non-positive shape gives NaN; a probability outside
 * [0, 1] gives null for beta_inv.
 */
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaPdf from '@stdlib/stats-base-dists-beta-pdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { toNumber, type ScalarFunction } from './helpers';

type Shaped = (x: number, alpha: number, beta: number) => number | null;

/** Evaluates f when every argument is a number; NaN when x lies outside [0, 1] or a shape is not positive. */
function overUnitInterval(f: Shaped, outsideUnit: number | null): ScalarFunction {
  return ([xValue, alphaValue, betaValue]) => {
    const x = toNumber(xValue);
    const alpha = toNumber(alphaValue);
    const beta = toNumber(betaValue);
    if (x === null || alpha === null || beta === null) return null;
    if (!(alpha > 0) || !(beta > 0)) return Number.NaN;
    if (!(x >= 0 && x <= 1)) return outsideUnit;
    return f(x, alpha, beta);
  };
}

export const MATH_FUNCTIONS: Record<string, ScalarFunction> = {
  beta_cdf: overUnitInterval(betaCdf, Number.NaN),
  beta_pdf: overUnitInterval(betaPdf, Number.NaN),
  beta_inv: overUnitInterval(betaQuantile, null),
};
