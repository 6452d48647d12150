/**
 * Keeps the helpdesk's frame as tall as the sidebar's content: Zendesk and Freshdesk give an app's
 * frame a fixed default height, which would cut the composer off or leave a gap under it.
 */
import { useEffect, type RefObject } from 'react';
import { useHost } from '../host/HostProvider.js';

export function useFrameHeight(content: RefObject<HTMLElement | null>): void {
  const host = useHost();
  useEffect(() => {
    const element = content.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let asked = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      // Each change of the content's height is one message to the helpdesk, not one per frame.
      if (height > 0 && height !== asked) {
        asked = height;
        host.resize(height);
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [content, host]);
}
