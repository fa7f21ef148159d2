import { escapeInline, guardLineStart } from '../export/markdown-text';

/**
 * Puts `> caption` on lines of its own at the caret; returns the text and where the caret goes.
 * The caption comes from the page, so it goes in as text: markdown-escaped, it can never become
 * HTML or a link in the note, its rendering or the export.
 */
export function insertQuote(text: string, at: number, caption: string): { text: string; caret: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const opening = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const quote = `${opening}> ${guardLineStart(escapeInline(caption))}\n\n`;
  return { text: before + quote + after.replace(/^\n+/, ''), caret: before.length + quote.length };
}
