// The options page: the user's rules, a live preview and the built-in profiles.
import type { JSX } from 'preact';
import { OptionsStoreContext } from '../context';
import type { OptionsStore } from '../store';
import { PreviewSection } from './PreviewSection';
import { ProfilesSection } from './ProfilesSection';
import { RulesSection, type RulesSectionProps } from './RulesSection';

export interface OptionsAppProps {
  store: OptionsStore;
  download?: RulesSectionProps['download'];
}

export function OptionsApp({ store, download }: OptionsAppProps): JSX.Element {
  return (
    <OptionsStoreContext.Provider value={store}>
      <div class="page" data-testid="faultline-options">
        <header class="page-header">
          <h1>Faultline</h1>
          <span class="muted">Rules</span>
        </header>
        <main class="content">
          <RulesSection download={download} />
          <PreviewSection />
          <ProfilesSection />
        </main>
      </div>
    </OptionsStoreContext.Provider>
  );
}
