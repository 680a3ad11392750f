import { render } from 'preact';

render(<main>Faultline options</main>, document.getElementById('app')!);
