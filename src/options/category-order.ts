/** The order of categories in an exported talk log, as the export dialog lets people change it. */

/** `order` with the categories of `present` only, and any of those it lacks added at the end in the given order. */
export function categoriesInOrder(order: string[], present: string[]): string[] {
  const wanted = new Set(present);
  const kept = order.filter((name) => wanted.has(name));
  const keptSet = new Set(kept);
  return [...kept, ...present.filter((name) => !keptSet.has(name))];
}

/** Moves `name` one place up (-1) or down (+1) among `shown`, keeping the others of `order` after them. */
export function moveCategory(order: string[], shown: string[], name: string, step: -1 | 1): string[] {
  const moved = [...shown];
  const from = moved.indexOf(name);
  const to = from + step;
  if (from === -1 || to < 0 || to >= moved.length) return order;
  [moved[from], moved[to]] = [moved[to], moved[from]];
  const movedSet = new Set(moved);
  return [...moved, ...order.filter((other) => !movedSet.has(other))];
}
