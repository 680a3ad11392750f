// memo without preact/compat: importing compat installs a global hook that rewrites the props of
// every element the panel renders (React name mapping the panel does not use).
import { createElement, type Component, type FunctionComponent } from 'preact';

function shallowDiffers(a: object, b: object): boolean {
  for (const key in a) if (!(key in b)) return true;
  for (const key in b) if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return true;
  return false;
}

/** Re-renders `render` only when a prop changed (shallow comparison). */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  function Memo(this: Component<P>, props: P) {
    this.shouldComponentUpdate = (next: P) => shallowDiffers(this.props, next);
    return createElement(render as FunctionComponent<object>, props);
  }
  Memo.displayName = `Memo(${render.displayName ?? render.name})`;
  return Memo as FunctionComponent<P>;
}
