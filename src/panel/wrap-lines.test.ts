import { describe, expect, it } from 'vitest';
import { LineCounter, wrappedLines, type MeasureText } from './wrap-lines';

// Every character 10 px wide: the lines can be counted by hand.
const mono: MeasureText = (text) => text.length * 10;

describe('wrappedLines', () => {
  it('is one line when the text fits, or when there is no width to wrap to', () => {
    expect(wrappedLines('short text', 100, mono)).toBe(1);
    expect(wrappedLines('', 50, mono)).toBe(1);
    expect(wrappedLines('anything at all', 0, mono)).toBe(1);
  });

  it('breaks at spaces, greedily, like the browser', () => {
    // "aaaa bbbb" is 90 px: one line at 90, two at 89.
    expect(wrappedLines('aaaa bbbb', 90, mono)).toBe(1);
    expect(wrappedLines('aaaa bbbb', 89, mono)).toBe(2);
    // Lines of 100 px: "aaaa bbbb" | "cccc dddd" | "ee".
    expect(wrappedLines('aaaa bbbb cccc dddd ee', 100, mono)).toBe(3);
  });

  it('breaks a word longer than a line wherever the line is full', () => {
    // 25 characters at 10 per line: three lines, the last one half full; then a word after it fits.
    expect(wrappedLines('x'.repeat(25), 100, mono)).toBe(3);
    expect(wrappedLines(`${'x'.repeat(25)} yy`, 100, mono)).toBe(3);
    expect(wrappedLines(`ab ${'x'.repeat(25)}`, 100, mono)).toBe(4);
  });

  it('never counts fewer lines than the text needs at a real proportional measure', () => {
    const measure: MeasureText = (t) => [...t].reduce((w, ch) => w + (ch === ' ' ? 3 : /[A-Z]/.test(ch) ? 8 : 6), 0);
    const text =
      'The contact was changed by someone else (version 7, you sent 6). Reload it and apply your change again.';
    for (const width of [80, 150, 200, 413, 535]) {
      const lines = wrappedLines(text, width, measure);
      // Lay it out word by word again: each line's width is within the limit.
      const words = text.split(' ');
      let n = 1;
      let used = 0;
      for (const word of words) {
        const w = measure(word);
        if (used === 0) used = w;
        else if (used + 3 + w <= width) used += 3 + w;
        else {
          n++;
          used = w;
        }
      }
      expect(lines, `width ${width}`).toBe(n);
      expect(lines * width).toBeGreaterThanOrEqual(measure(text) - (lines - 1) * 3);
    }
  });
});

describe('LineCounter', () => {
  it('measures each text once at its width', () => {
    let calls = 0;
    const counting: MeasureText = (t) => {
      calls++;
      return mono(t);
    };
    const counter = new LineCounter(100, counting);
    expect(counter.lines('aaaa bbbb cccc dddd ee')).toBe(3);
    const after = calls;
    expect(counter.lines('aaaa bbbb cccc dddd ee')).toBe(3);
    expect(calls).toBe(after);
    expect(counter.lines('fits')).toBe(1);
  });

  it('counts a short ASCII text as one line without measuring it, never a text that could wrap', () => {
    const texts: string[] = [];
    // "W" is 20 px, every other character 10 px.
    const measure: MeasureText = (t) => {
      texts.push(t);
      return [...t].reduce((w, ch) => w + (ch === 'W' ? 20 : 10), 0);
    };
    const counter = new LineCounter(100, measure);
    expect(counter.lines('Item 7')).toBe(1); // (6 + 1) × 20 = 140 > 100: measured (60 px)
    expect(texts).toContain('Item 7');
    texts.length = 0;
    expect(counter.lines('Item')).toBe(1); // (4 + 1) × 20 = 100: one line, not measured
    expect(counter.lines('WWWW')).toBe(1);
    expect(texts).toEqual([]);
    expect(counter.lines('WWWWWW')).toBe(2); // 120 px: measured, wraps
    expect(counter.lines('ÉÉÉ')).toBe(1); // not ASCII: measured
    expect(texts).toContain('ÉÉÉ');
  });
});
