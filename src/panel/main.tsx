import { render } from 'preact';
import { create } from 'zustand';

const useCount = create<{ n: number }>(() => ({ n: 0 }));

function App() {
  const n = useCount((s) => s.n);
  return <main data-testid="faultline-panel">Faultline — {n} failures</main>;
}

render(<App />, document.getElementById('app')!);
