/**
 * Saves the translator's edit on the proxy as they type (once they pause), so that a reload comes
 * back to it. Only the changed segments are sent, as approval sends them. A save refused because
 * the claim is gone tells the editor, which stops taking edits.
 */
import { useEffect, useRef, useState } from 'react';
import { QueueApiError, type QueueApi } from './queueApi.js';

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed';

interface DraftSaverOptions {
  api: QueueApi;
  jobId: string;
  /** The segments the translator changed, as approval would send them. */
  segments: readonly { index: number; target: string }[];
  /** False once the lease is lost or the job is approved. */
  enabled: boolean;
  onLeaseLost: () => void;
  /** How long typing must pause before a save. */
  delayMs?: number;
}

export function useDraftSaver({
  api,
  jobId,
  segments,
  enabled,
  onLeaseLost,
  delayMs = 800,
}: DraftSaverOptions): DraftState {
  const [state, setState] = useState<DraftState>('idle');
  const serialized = JSON.stringify(segments);
  // What the proxy holds already: at first, the draft the job was opened with (or none).
  const saved = useRef(serialized);
  const leaseLost = useRef(onLeaseLost);
  leaseLost.current = onLeaseLost;

  useEffect(() => {
    if (!enabled || serialized === saved.current) return;
    const timer = setTimeout(() => {
      setState('saving');
      const draft = JSON.parse(serialized) as { index: number; target: string }[];
      api.saveDraft(jobId, { segments: draft }).then(
        () => {
          saved.current = serialized;
          setState('saved');
        },
        (failure: unknown) => {
          setState('failed');
          if (
            failure instanceof QueueApiError &&
            ['lease_expired', 'not_found'].includes(failure.code)
          )
            leaseLost.current();
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [api, jobId, serialized, enabled, delayMs]);

  return state;
}
