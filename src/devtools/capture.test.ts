import { describe, expect, it, vi } from 'vitest';
import { contentWithin } from './capture';

vi.mock('../platform/devtools', () => ({ getHAR: vi.fn(), onRequestFinished: vi.fn() }));
vi.mock('../platform/port', () => ({ connectReconnecting: vi.fn() }));

describe('contentWithin', () => {
  it('gives the content when it comes, and undefined when getContent fails or never answers', async () => {
    await expect(contentWithin(async () => ({ content: '{"a":1}', second: '' }), 50)).resolves.toEqual({
      content: '{"a":1}',
      second: '',
    });
    await expect(contentWithin(() => Promise.reject(new Error('gone')), 50)).resolves.toBeUndefined();
    vi.useFakeTimers();
    const never = contentWithin(() => new Promise(() => {}), 3000);
    vi.advanceTimersByTime(3000);
    await expect(never).resolves.toBeUndefined();
    vi.useRealTimers();
  });
});
