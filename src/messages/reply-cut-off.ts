/**
 * Whether a request to the background failed because no answer could come: the worker stopped before it answered
 * (Chromium stops an idle or long-running MV3 worker on its own), or was not there to receive it. The browser then
 * rejects with its own wording, never shown as is: each browser words it differently, none in the user's terms.
 */
export function isReplyCutOff(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return CUT_OFF.test(text);
}

const CUT_OFF =
  /message channel closed|message port closed|Receiving end does not exist|Could not establish connection|Message manager disconnected|went out of scope without a response/i;
