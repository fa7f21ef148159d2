import { expect, test } from 'vitest';
import { cleanPageTitle } from '../../src/talk/page-title';

test.each([
  ['Surface Go Review - It’s Awesome - YouTube', 'Surface Go Review - It’s Awesome'],
  ['(3) Evolving Prometheus - Bartłomiej Płotka, Red Hat - YouTube', 'Evolving Prometheus - Bartłomiej Płotka, Red Hat'],
  ['(99+) Talk - YouTube', 'Talk'],
  [' - YouTube', ''], // the bot-check page (fixture 03)
  ['YouTube', 'YouTube'],
  [
    'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD - YouTube',
    'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD',
  ],
])('cleanPageTitle(%j) → %j', (title, expected) => {
  expect(cleanPageTitle(title)).toBe(expected);
});
