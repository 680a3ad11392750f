import { describe, expect, it } from 'vitest';
import { normalizeContent } from './content';

describe('normalizeContent', () => {
  it("takes Chrome's two callback values as they are", () => {
    expect(normalizeContent('abc', 'base64')).toEqual({ content: 'abc', second: 'base64' });
  });
  it("spreads Firefox's [content, mimeType] promise value", () => {
    expect(normalizeContent(['{}', 'application/json'])).toEqual({ content: '{}', second: 'application/json' });
  });
  it('reads an object result', () => {
    expect(normalizeContent({ content: 'x', encoding: '' })).toEqual({ content: 'x', second: '' });
    expect(normalizeContent({ content: 'x', mimeType: 'text/plain' })).toEqual({ content: 'x', second: 'text/plain' });
  });
  it('passes a lone string through', () => {
    expect(normalizeContent('only')).toEqual({ content: 'only', second: undefined });
  });
});
