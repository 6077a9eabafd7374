import { startTransition, useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is narrower than `breakpointPx`. The container, not the viewport, decides: the same lab fills
 * the whole lab page or one column of a case page. Undefined before the first measurement (the server's render).
 *
 * The unmeasured lab is already laid out right by its stylesheet (a container query), so the measurement is never
 * urgent: it re-renders as a transition, which React splits into short tasks, instead of one long task at hydration.
 */
export function useNarrowContainer(
  ref: RefObject<HTMLElement | null>,
  breakpointPx: number,
): boolean | undefined {
  const [narrow, setNarrow] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = element.getBoundingClientRect().width < breakpointPx;
      startTransition(() => setNarrow(measured));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, breakpointPx]);
  return narrow;
}
