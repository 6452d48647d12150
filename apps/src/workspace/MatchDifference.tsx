/**
 * A match's source with the words only it has struck out and the words only the segment has
 * underlined. Loaded lazily by MatchesPanel: it brings the word diff, which only a job with
 * matches needs.
 */
import { sourceDifference } from './sourceDifference.js';

export function MatchDifference({ match, segment }: { match: string; segment: string }) {
  return sourceDifference(match, segment).map((piece, key) =>
    piece.only === 'match' ? (
      <del key={key}>{piece.text}</del>
    ) : piece.only === 'segment' ? (
      <ins key={key}>{piece.text}</ins>
    ) : (
      <span key={key}>{piece.text}</span>
    ),
  );
}
