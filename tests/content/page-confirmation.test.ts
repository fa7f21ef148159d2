// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { showPageConfirmation } from '../../src/content/page-confirmation';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.documentElement.querySelectorAll('talklog-confirmation').forEach((host) => host.remove());
});

test('goes away by itself and then says so, once, for the last one shown', () => {
  const gone: string[] = [];
  showPageConfirmation(document, { text: 'Clipped “A”' }, () => gone.push('A'));
  vi.advanceTimersByTime(1000);
  showPageConfirmation(document, { text: 'Clipped “B”' }, () => gone.push('B'));
  expect(document.querySelectorAll('talklog-confirmation')).toHaveLength(1);
  vi.advanceTimersByTime(2499);
  expect(gone).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(gone).toEqual(['B']);
  expect(document.querySelectorAll('talklog-confirmation')).toHaveLength(0);
});

test('lives in a closed shadow root the page cannot read', () => {
  showPageConfirmation(document, { text: 'Talklog could not clip this talk: gone', failed: true });
  const host = document.querySelector('talklog-confirmation');
  expect(host).not.toBeNull();
  expect(host?.shadowRoot).toBeNull();
  expect(host?.textContent).toBe('');
});
