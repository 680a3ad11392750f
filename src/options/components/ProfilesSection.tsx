// Built-in vendor profiles: read-only; "Override" copies one into a user rule to change it.
import type { JSX } from 'preact';
import { VENDOR_PROFILES, type VendorProfile } from '../../core/rules';
import { useOptionsStore } from '../context';
import { matchSummary, setSummary } from '../../ui/rule-draft';

export function ProfilesSection({ profiles = VENDOR_PROFILES }: { profiles?: readonly VendorProfile[] }): JSX.Element {
  const store = useOptionsStore();
  const override = (profile: VendorProfile) => {
    store.getState().override(profile);
    // The new rule's editor is above this section: bring it into view.
    requestAnimationFrame(() =>
      document.querySelector('[data-testid="rule-editor-panel"]')?.scrollIntoView?.({ block: 'nearest' }),
    );
  };
  return (
    <section class="section" aria-labelledby="profiles-heading" data-testid="profiles-section">
      <h2 id="profiles-heading">Built-in profiles</h2>
      <p class="section-intro">
        Conventions Faultline knows already. They are read-only and rank below your rules; to change one, override it:
        the copy becomes your rule.
      </p>
      <table class="profiles">
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            <th scope="col">Match</th>
            <th scope="col">Sets</th>
            <th scope="col">Docs</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => (
            <tr key={p.id} data-testid="profile-row" data-profile-id={p.id}>
              <td>
                <div class="profile-vendor">{p.vendor}</div>
                <div class="muted small">{p.name}</div>
              </td>
              <td class="mono">{matchSummary(p.match)}</td>
              <td>{setSummary(p.set)}</td>
              <td class="docs mono small">{p.docs}</td>
              <td>
                <button type="button" data-testid="profile-override" onClick={() => override(p)}>
                  Override
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
