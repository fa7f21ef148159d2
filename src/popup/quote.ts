/** Puts `> caption` on lines of its own at the caret; returns the text and where the caret goes. */
export function insertQuote(text: string, at: number, caption: string): { text: string; caret: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const opening = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const quote = `${opening}> ${caption}\n\n`;
  return { text: before + quote + after.replace(/^\n+/, ''), caret: before.length + quote.length };
}
