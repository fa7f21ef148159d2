// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { lazyComponent } from '../../src/ui/lazy-component';
import { holdFramesAndIdle } from './held-clock';

let clock: ReturnType<typeof holdFramesAndIdle> | undefined;
afterEach(() => {
  cleanup();
  clock?.restore();
  clock = undefined;
});

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A load the test finishes when it wants, counting how often it was asked for. */
function controlledLoad() {
  let finish = () => {};
  const control = { calls: 0, finish: () => finish() };
  const load = () => {
    control.calls++;
    return new Promise<typeof Greeting>((resolve) => (finish = () => resolve(Greeting)));
  };
  return { load, control };
}

test('draws nothing until the code is loaded, then the component with the same props', async () => {
  const { load, control } = controlledLoad();
  const Lazy = lazyComponent(load);
  const { container } = render(<Lazy name="Ada" />);
  expect(container.innerHTML).toBe('');
  control.finish();
  expect(await screen.findByText('Hello Ada')).toBeTruthy();
});

test('loads once however many are drawn, and draws at once when preloaded', async () => {
  const { load, control } = controlledLoad();
  const Lazy = lazyComponent(load);
  const preloaded = Lazy.preload();
  render(
    <>
      <Lazy name="Ada" />
      <Lazy name="Grace" />
    </>,
  );
  control.finish();
  await preloaded;
  expect(await screen.findByText('Hello Grace')).toBeTruthy();
  expect(control.calls).toBe(1);
  cleanup();
  render(<Lazy name="Edsger" />);
  // Loaded already: no fallback, no frame without it.
  expect(screen.getByText('Hello Edsger')).toBeTruthy();
  expect(control.calls).toBe(1);
});

test('code the page can show without is asked for only once the page is painted and idle, on first use', async () => {
  clock = holdFramesAndIdle();
  const { load, control } = controlledLoad();
  const Lazy = lazyComponent(load, { afterPaint: true });
  const { container } = render(<Lazy name="Ada" />);
  clock.idle();
  expect(control.calls).toBe(0);
  clock.paint();
  expect(control.calls).toBe(0);
  clock.idle();
  await vi.waitFor(() => expect(control.calls).toBe(1));
  expect(container.innerHTML).toBe('');
  control.finish();
  expect(await screen.findByText('Hello Ada')).toBeTruthy();
});

test('waiting for the page to be painted or not, code whose load has begun is drawn as soon as it is in', async () => {
  clock = holdFramesAndIdle();
  const { load, control } = controlledLoad();
  const Lazy = lazyComponent(load, { afterPaint: true });
  void Lazy.preload();
  render(<Lazy name="Ada" />);
  control.finish();
  expect(await screen.findByText('Hello Ada')).toBeTruthy();
  expect(control.calls).toBe(1);
});
