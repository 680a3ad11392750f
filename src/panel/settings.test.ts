import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from './settings';

describe('readSettings', () => {
  it('falls back to defaults field by field for missing or malformed data', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(
      readSettings({ order: 'newest-first', showAll: 'yes', groupBy: 'code', theme: 'neon', redactCopies: false }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      order: 'newest-first',
      groupBy: 'code',
      redactCopies: false,
    });
  });
});
