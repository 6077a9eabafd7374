import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is narrower than `breakpointPx`. The container, not the viewport, decides: the same lab fills
 * the whole lab page or one column of a case page. Undefined before the first measurement (the server's render).
 * Measured in a layout effect, before the browser paints what React rendered: a lab rendered in the browser (not
 * hydrated) is never painted unmeasured.
 */
export function useNarrowContainer(
  ref: RefObject<HTMLElement | null>,
  breakpointPx: number,
): boolean | undefined {
  const [narrow, setNarrow] = useState<boolean | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setNarrow(element.getBoundingClientRect().width < breakpointPx);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, breakpointPx]);
  return narrow;
}
