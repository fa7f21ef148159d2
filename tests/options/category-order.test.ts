import { describe, expect, test } from 'vitest';
import { renderTalkLog } from '../../src/export/talk-log';
import { defaultCategoryOrder } from '../../src/export/talk-log';
import { categoriesInOrder, moveCategory } from '../../src/options/category-order';
import type { Interest } from '../../src/talk/model';
import { makeTalk } from '../export/records';

const talk = (videoId: string, category: string | null, interest: number) => makeTalk(videoId, { category, interest: interest as Interest });
const talks = [
  talk('aaaaaaaaaaa', 'Security', 3),
  talk('bbbbbbbbbbb', 'Observability', 5),
  talk('ccccccccccc', null, 5),
  talk('ddddddddddd', 'Networking', 3),
  talk('eeeeeeeeeee', 'Uncategorized', 4),
  talk('fffffffffff', ' Storage\n', 1),
];

describe('defaultCategoryOrder', () => {
  test('is the order renderTalkLog uses when given none, without the last Uncategorized section', () => {
    const order = defaultCategoryOrder(talks);
    expect(order).toEqual(['Observability', 'Networking', 'Security', 'Storage']);
    const headings = renderTalkLog(talks, []).match(/^## .*$/gm);
    expect(headings).toEqual([...order.map((name) => `## ${name}`), '## Uncategorized']);
  });
});

describe('moveCategory', () => {
  const order = ['A', 'B', 'C', 'D'];

  test('swaps a category with its neighbour among those shown', () => {
    expect(moveCategory(order, order, 'C', -1)).toEqual(['A', 'C', 'B', 'D']);
    expect(moveCategory(order, order, 'A', 1)).toEqual(['B', 'A', 'C', 'D']);
  });

  test('does nothing past either end', () => {
    expect(moveCategory(order, order, 'A', -1)).toBe(order);
    expect(moveCategory(order, order, 'D', 1)).toBe(order);
    expect(moveCategory(order, order, 'Z', 1)).toBe(order);
  });

  test('keeps categories not shown after the ones shown', () => {
    expect(moveCategory(order, ['B', 'D'], 'D', -1)).toEqual(['D', 'B', 'A', 'C']);
  });
});

describe('categoriesInOrder', () => {
  test('keeps the chosen order for the categories present and adds new ones at the end', () => {
    expect(categoriesInOrder(['C', 'A', 'B'], ['A', 'B', 'D'])).toEqual(['A', 'B', 'D']);
    expect(categoriesInOrder(['C', 'B', 'A'], ['A', 'B'])).toEqual(['B', 'A']);
  });
});
