// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, expect, test } from 'vitest';
import { memo } from '../../src/ui/memo';

afterEach(cleanup);

test('a memo component is drawn again only when one of its props changes', async () => {
  const drawn: string[] = [];
  const Name = memo(({ name, onPick }: { name: string; onPick: () => void }) => {
    drawn.push(name);
    const [picked, setPicked] = useState(false);
    return (
      <button
        type="button"
        onClick={() => {
          setPicked(true);
          onPick();
        }}
      >
        {name}
        {picked ? ' (picked)' : ''}
      </button>
    );
  });
  const onPick = () => {};
  const { rerender } = render(<Name name="Ada" onPick={onPick} />);
  rerender(<Name name="Ada" onPick={onPick} />);
  expect(drawn).toEqual(['Ada']);

  rerender(<Name name="Grace" onPick={onPick} />);
  expect(screen.getByRole('button').textContent).toBe('Grace');
  rerender(<Name name="Grace" onPick={() => {}} />);
  expect(drawn).toEqual(['Ada', 'Grace', 'Grace']);

  // Its own state still draws it.
  screen.getByRole('button').click();
  expect(await screen.findByRole('button', { name: 'Grace (picked)' })).toBeTruthy();
});
