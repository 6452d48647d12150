/**
 * A token, or a glossary term marked in the source, with a hint saying what it stands for: shown
 * on hover and on keyboard focus (the element is focusable and described by the hint, so a screen
 * reader reads it too).
 */
import { useId, type ReactNode } from 'react';

interface TokenHintProps {
  hint: string;
  className: string;
  children: ReactNode;
}

export function TokenHint({ hint, className, children }: TokenHintProps) {
  const id = useId();
  return (
    <span className="parley-hint">
      <span className={className} tabIndex={0} aria-describedby={id}>
        {children}
      </span>
      <span role="tooltip" id={id} className="parley-tip">
        {hint}
      </span>
    </span>
  );
}
