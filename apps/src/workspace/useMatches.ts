/**
 * The memory matches of a job's segments, asked for once when the editor opens the job: the memory
 * as it is now, with every approval since the job was queued.
 */
import { useEffect, useState } from 'react';
import type { QueueApi, QueueMatch } from './queueApi.js';

export interface JobMatches {
  /** By segment index; `undefined` while they are looked up. */
  bySegment: ReadonlyMap<number, readonly QueueMatch[]> | undefined;
  failed: boolean;
}

export function useMatches(api: QueueApi, jobId: string): JobMatches {
  const [state, setState] = useState<JobMatches>({ bySegment: undefined, failed: false });
  useEffect(() => {
    let current = true;
    api.matches(jobId).then(
      (answer) => {
        if (current)
          setState({
            bySegment: new Map(answer.segments.map((entry) => [entry.index, entry.matches])),
            failed: false,
          });
      },
      () => {
        if (current) setState({ bySegment: undefined, failed: true });
      },
    );
    return () => {
      current = false;
    };
  }, [api, jobId]);
  return state;
}
