/**
 * E-mail addresses, including internationalised ones (`josé.müller@correo.es`). The local part
 * must not start in the middle of a longer token, so `xx.rosa@x.es` is found whole.
 */
import type { PersonalDataSpan } from './span.js';

// Every repetition is bounded and the lookbehind is one character: the scan stays linear on
// 40 KB of "a.a.a…" without an @.
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]{0,62}[\p{L}\p{N}_%+-])?` +
    String.raw`@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?` +
    String.raw`(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}_-])`,
  'gu',
);

export function findEmails(text: string): PersonalDataSpan[] {
  return [...text.matchAll(EMAIL)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind: 'email' as const,
  }));
}
