// Which painted frame first showed a keystroke's complete result (issue 18: "filter keystroke to
// complete result painted"). The panel bench looks at the DOM of every frame from the keystroke on,
// once in the frame's requestAnimationFrame callback (before its style, layout and paint) and once in
// a message posted from that callback (after the paint), and hands the observations here.

/** One frame after a keystroke, as the bench saw its DOM. */
export interface FrameSeen {
  /**
   * The DOM showed the complete result before the paint. Null for the keystroke's own frame: the
   * keystroke is handled inside that callback, so there is no "before" to look at.
   */
  beforePaint: boolean | null;
  /** The DOM showed the complete result after the paint (in the post-paint message). */
  afterPaint: boolean;
  /** ms from the keystroke to that post-paint message. */
  at: number;
}

/**
 * ms from the keystroke to the post-paint message of the first frame that painted the complete result,
 * NaN when no observed frame did. A later frame counts only when its DOM was complete on both sides of
 * its paint, so work done between a paint and its message (a scan finishing in an idle task) is never
 * credited to the frame before it. The keystroke's own frame is frames[0]: the figure is never shorter
 * than the keystroke's first paint, and throws if the observations say otherwise.
 */
export function completeResultMs(frames: readonly FrameSeen[]): number {
  if (frames.length === 0) return NaN;
  const firstPaint = frames[0].at;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    if (f.at < firstPaint || (i > 0 && f.at < frames[i - 1].at))
      throw new Error(`frame ${i} was painted at ${f.at} ms, before an earlier frame`);
    if (f.afterPaint && (i === 0 || f.beforePaint === true)) return f.at;
  }
  return NaN;
}
