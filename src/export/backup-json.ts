/** A backup file's text read as JSON, with nothing in it that could harm the code reading it next. */

export type JsonObject = Record<string, unknown>;

const MAX_STRING_LENGTH = 1_000_000;
/** Keys that change what objects inherit when code copies or merges them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const BACKUP_HINT = 'choose the talklog-backup.json file that "Export backup" saved';

/**
 * The file's top-level object, once it is known to be JSON, to hold no key that could
 * pollute prototypes and no string longer than 1,000,000 characters; or what is wrong.
 */
export function readJsonFile(text: string): { ok: true; value: JsonObject } | { ok: false; error: string } {
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return { ok: false, error: `The file is empty: ${BACKUP_HINT}.` };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    if (!/^\s*[{[]/.test(json)) return { ok: false, error: `The file is not JSON, so it is not a Talklog backup: ${BACKUP_HINT}.` };
    if (endsInsideValue(json)) {
      return { ok: false, error: 'The file ends in the middle of the backup: it was cut short. Export the backup again.' };
    }
    return { ok: false, error: `The file is not valid JSON (${(error as Error).message}); was it edited by hand?` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: `The file holds ${describeJson(value)}, not a Talklog backup (a JSON object).` };
  }
  const problem = holdsUnsafeValue(value) ? findUnsafeValue(value) : null;
  return problem === null ? { ok: true, value: value as JsonObject } : { ok: false, error: problem };
}

/** A value as an error message shows it: `"abc"`, `42`, `null`, `an array`. */
export function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  // JSON.parse reads 1e999 as Infinity, which JSON.stringify would show as null.
  if (typeof value === 'number') return String(value);
  const shown = JSON.stringify(value);
  return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
}

/** True when the text stops inside a string, object or array: a cut-short file rather than a malformed one. */
function endsInsideValue(json: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return inString || depth > 0;
}

/**
 * Whether any key is forbidden or any key or string oversized. The common answer, no, is found
 * without naming each value's place: that walk made an object and a string for every value of the
 * file, and a file of 200,000 notes spent most of its reading time collecting them.
 */
function holdsUnsafeValue(root: object): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string' && value.length > MAX_STRING_LENGTH) return true;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const child of value) stack.push(child);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key.length > MAX_STRING_LENGTH || FORBIDDEN_KEYS.has(key)) return true;
      stack.push((value as JsonObject)[key]);
    }
  }
  return false;
}

/**
 * The first forbidden key or oversized string, in document order, as `place: problem`.
 * Walks with its own stack: JSON.parse accepts nesting deeper than the call stack.
 */
function findUnsafeValue(root: object): string | null {
  const stack: { value: unknown; parent: string; key: string | number | null }[] = [{ value: root, parent: '', key: null }];
  while (stack.length > 0) {
    const { value, parent, key } = stack.pop()!;
    if (typeof key === 'string' && key.length > MAX_STRING_LENGTH) {
      return `${parent || 'The file'}: has a key longer than 1,000,000 characters`;
    }
    const place = placeOf(parent, key);
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return `${place}: a key named "${key}" is not allowed`;
    if (typeof value === 'string' && value.length > MAX_STRING_LENGTH) return `${place}: longer than 1,000,000 characters`;
    if (typeof value !== 'object' || value === null) continue;
    const children = Array.isArray(value)
      ? value.map((child, i) => ({ value: child, parent: place, key: i }))
      : Object.keys(value).map((childKey) => ({ value: (value as JsonObject)[childKey], parent: place, key: childKey }));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}

function placeOf(parent: string, key: string | number | null): string {
  if (key === null) return parent;
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}
