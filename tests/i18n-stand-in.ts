import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const messages = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Messages;

/**
 * The browser's i18n API for unit tests, reading our English messages the way Chrome does:
 * `$NAME$` placeholders whose content is `$1`…`$9`.
 */
export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}
