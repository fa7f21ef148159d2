import type { TalkHere } from '../talk/model';
import { sendToContent } from './send';

/**
 * What talk the tab shows. A YouTube tab opened before Talklog was installed or updated has no
 * live content script: `inject` it then (inject-then-ask.ts), rather than claim the tab holds no
 * talk. `asked`: the same question, put to the tab already (early-asks.ts).
 */
export async function askWhatTalkIsHere(tabId: number, inject: (tabId: number) => Promise<TalkHere>, asked?: Promise<TalkHere>): Promise<TalkHere> {
  try {
    return await (asked ?? sendToContent(tabId, { type: 'talklog/what-talk-is-here' }));
  } catch {
    return inject(tabId);
  }
}
