// The options page: the user's rules, a live preview and the built-in profiles.
import type { JSX } from 'preact';
import { OptionsStoreContext } from '../context';
import type { OptionsStore } from '../store';
import { PreviewSection } from './PreviewSection';
import { ProfilesSection } from './ProfilesSection';
import { RulesSection, type RulesSectionProps } from './RulesSection';
import { SpecStoreContext, SpecsSection } from './SpecsSection';
import type { SpecStore } from '../spec-store';

export interface OptionsAppProps {
  store: OptionsStore;
  /** OpenAPI specs (README, "Your own API"); the section is shown when given. */
  specStore?: SpecStore;
  download?: RulesSectionProps['download'];
}

export function OptionsApp({ store, specStore, download }: OptionsAppProps): JSX.Element {
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
          {specStore ? (
            <SpecStoreContext.Provider value={specStore}>
              <SpecsSection />
            </SpecStoreContext.Provider>
          ) : null}
        </main>
      </div>
    </OptionsStoreContext.Provider>
  );
}
