// Small types every platform wrapper shares.

/** Removes the listener a wrapper's `onX(listener)` added. */
export type Unsubscribe = () => void;
