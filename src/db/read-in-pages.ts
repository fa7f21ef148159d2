import type { IndexableType, Table } from 'dexie';

/**
 * Records read at a time. At 20,000 talks the notes table is about 60 MB: asked for in one request, Firefox
 * drew no frame for up to a second in the library page while its export worker waited for the answer.
 */
const PAGE_SIZE = 1000;

/** Every record of a table in primary-key order, read a page at a time: one state of it when called inside a transaction. */
export async function readInPages<T, K extends IndexableType, Insert>(table: Table<T, K, Insert>, keyOf: (record: T) => K, pageSize = PAGE_SIZE): Promise<T[]> {
  const records: T[] = [];
  let after: K | null = null;
  for (;;) {
    const page: T[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageSize).toArray();
    records.push(...page);
    if (page.length < pageSize) return records;
    after = keyOf(page[page.length - 1]!);
  }
}
