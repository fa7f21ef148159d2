import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '../ui/use-live-query';
import type { ConferencePanelProps } from './ConferencePanel';
import './conference.css';

/**
 * The conference panel (queue a playlist, play next), loaded once the popup is up: the popup must
 * open fast. The connectors and the live-query hook are handed to it from the popup, which has
 * loaded them already: imported by the lazy chunk, they would make the bundler split the popup's
 * shared chunks, about 0.5 kB more loaded at open.
 */
export function ConferenceSlot(props: Omit<ConferencePanelProps, 'useLiveQuery'>) {
  const [Panel, setPanel] = useState<ComponentType<ConferencePanelProps> | null>(null);
  useEffect(() => {
    void import('./ConferencePanel').then((module) => setPanel(() => module.ConferencePanel));
  }, []);
  return Panel && <Panel {...props} useLiveQuery={useLiveQuery} />;
}
