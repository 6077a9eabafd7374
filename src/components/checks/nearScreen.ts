/**
 * When a lesson's checks need the learner's data. A lesson is read from the top and its checks sit at the end: the
 * learner store (Dexie, the learner's order of the options, their last answers and score) is booted only when the
 * checks come within a screen or two of the viewport, or the learner reaches into them (focus, pointer), and then in
 * idle time, so that opening a lesson does no store work while its text is being read.
 */

/** How far below (and above) the viewport the checks start to count as near: about two screens. */
const NEAR_MARGIN = '200% 0px';
/** Longest wait for an idle period once the checks are near; a busy page still gets its data. */
const IDLE_TIMEOUT_MS = 500;

const waits = new WeakMap<Element, Promise<void>>();

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 1);
  });
}

function whenReached(area: Element): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) reached();
      },
      { rootMargin: NEAR_MARGIN },
    );
    function reached(): void {
      observer.disconnect();
      area.removeEventListener('focusin', reached);
      area.removeEventListener('pointerdown', reached);
      resolve();
    }
    observer.observe(area);
    area.addEventListener('focusin', reached);
    area.addEventListener('pointerdown', reached);
  });
}

/**
 * Resolves once the checks around `element` (its <lesson-progress>, or itself outside a lesson) are near the screen
 * or touched, after which the browser is idle. Every check of a lesson shares one wait.
 */
export function whenChecksNear(element: Element): Promise<void> {
  const area = element.closest('lesson-progress') ?? element;
  let wait = waits.get(area);
  if (!wait) {
    wait = whenReached(area).then(whenIdle);
    waits.set(area, wait);
  }
  return wait;
}
