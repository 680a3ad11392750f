// How many lines a text takes when wrapped to a width: the list's rows grow to show a whole message
// (FailureList), and the windowing needs every row's height before the row is in the DOM. Pure: the
// caller gives the text measure (a canvas in the panel's font).

/** Width of a string in px, in the font the text is shown in. */
export type MeasureText = (text: string) => number;

/**
 * Lines of `text` wrapped greedily at spaces to `width` px, a word longer than a line broken
 * anywhere (CSS `overflow-wrap: anywhere`). The browser may break at more places (after a hyphen),
 * never fewer, so this is never less than the lines it shows. At least 1; `width` <= 0 gives 1.
 */
export function wrappedLines(text: string, width: number, measure: MeasureText): number {
  if (width <= 0 || text === '') return 1;
  if (measure(text) <= width) return 1;
  const space = measure(' ');
  const words = text.split(/ +/);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    if (word === '') continue;
    let w = measure(word);
    const needed = used === 0 ? w : used + space + w;
    if (needed <= width) {
      used = needed;
      continue;
    }
    if (used > 0) {
      lines++;
      used = 0;
    }
    // A word wider than a line: broken where the line is full, as the browser does.
    if (w > width) {
      let rest = word;
      while (w > width) {
        let fit = Math.max(1, Math.floor((rest.length * width) / w));
        while (fit > 1 && measure(rest.slice(0, fit)) > width) fit--;
        rest = rest.slice(fit);
        lines++;
        w = measure(rest);
      }
    }
    used = w;
  }
  return lines;
}

/** Printable ASCII only: no character of such a text is wider than the widest of the 95. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Line counts for many texts at one width, remembered by text: a long list repeats its messages.
 * A new instance per width and font. A text of printable ASCII whose length (plus one) times the
 * widest such character fits the width is one line without a measure: a streamed import's messages
 * are mostly distinct, one canvas measure each (about 60 µs of thread time under load), and a
 * backlog's slice brought 1,000 new rows into one re-render (issue 18).
 */
export class LineCounter {
  private readonly cache = new Map<string, number>();
  private widestChar = -1;
  constructor(
    readonly width: number,
    private readonly measure: MeasureText,
  ) {}

  lines(text: string): number {
    // Every character taken as the widest, plus one for kerning (rarely positive, a fraction of a px a pair).
    if ((text.length + 1) * this.widestAscii() <= this.width && PRINTABLE_ASCII.test(text)) return 1;
    let n = this.cache.get(text);
    if (n === undefined) {
      n = wrappedLines(text, this.width, this.measure);
      this.cache.set(text, n);
    }
    return n;
  }

  private widestAscii(): number {
    if (this.widestChar < 0) {
      let widest = 0;
      for (let c = 0x20; c <= 0x7e; c++) widest = Math.max(widest, this.measure(String.fromCharCode(c)));
      this.widestChar = widest;
    }
    return this.widestChar;
  }
}
