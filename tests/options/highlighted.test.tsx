// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { highlighted } from '../../src/options/Highlighted';
import { MAX_MARKS } from '../../src/options/search-text';

test('a megabyte title searched for one letter gets a bounded number of highlights, and all its text', () => {
  const title = 'a b '.repeat(250_000);
  const { container } = render(<p>{highlighted(title, ['a'])}</p>);
  expect(container.querySelectorAll('mark')).toHaveLength(MAX_MARKS);
  expect(container.textContent).toBe(title);
});
