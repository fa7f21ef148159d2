/** Small readers for YouTube's JSON, which is untyped and changes shape without notice. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside `value`, or undefined when any step is missing. */
export function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Text from a plain string, `{simpleText}` or `{runs: [{text}]}`, whitespace collapsed; null when empty. */
export function asText(value: unknown): string | null {
  let text: unknown = value;
  if (isRecord(value)) {
    text =
      typeof value.simpleText === 'string'
        ? value.simpleText
        : asArray(value.runs)
            .map((run) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
            .join('');
  }
  if (typeof text !== 'string') return null;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

/** A non-negative number of seconds from a number or a numeric string ("316"); null otherwise. */
export function asSeconds(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : null;
}
