// What moves on a page, for the motion tests: the design promises motion between a figure's
// states, and none at all to a reader who asks for reduced motion.
import type { Page } from '@playwright/test';

/** How many animations and transitions are running now with a duration above nothing. */
export const moving = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      document.getAnimations().filter((a) => {
        const timing = a.effect?.getComputedTiming();
        return a.playState === 'running' && Number(timing?.duration ?? 0) > 0;
      }).length,
  );

/**
 * The durations of every animation and transition the page runs from now on, watched for
 * `ms` milliseconds frame by frame (a figure may start one a frame after the change).
 */
export const watchMotion = (page: Page, ms = 700): Promise<number[]> =>
  page.evaluate(
    (ms) =>
      new Promise<number[]>((done) => {
        const seen = new Set<Animation>();
        const end = performance.now() + ms;
        const look = () => {
          for (const a of document.getAnimations()) seen.add(a);
          if (performance.now() < end) requestAnimationFrame(look);
          else done([...seen].map((a) => Number(a.effect?.getComputedTiming().duration) || 0));
        };
        look();
      }),
    ms,
  );
