// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { whenPaintedAndIdle } from '../../src/ui/when-idle';
import { holdFramesAndIdle } from './held-clock';

let clock: ReturnType<typeof holdFramesAndIdle>;
afterEach(() => clock.restore());

test('work the page can show without runs once the next frame is painted and the page is idle after it', () => {
  clock = holdFramesAndIdle();
  const ran: string[] = [];
  whenPaintedAndIdle(() => ran.push('work'));
  clock.idle();
  expect(ran).toEqual([]);
  clock.paint();
  expect(ran).toEqual([]);
  clock.idle();
  expect(ran).toEqual(['work']);
});

test('called off before the frame or before the idle period, it never runs', () => {
  clock = holdFramesAndIdle();
  const ran: string[] = [];
  whenPaintedAndIdle(() => ran.push('before the frame'))();
  const cancel = whenPaintedAndIdle(() => ran.push('before idle'));
  clock.paint();
  cancel();
  clock.idle();
  expect(ran).toEqual([]);
});
