// Strips what is not the customer's own prose before detection: quoted history, signatures,
// markup, URLs, e-mail addresses, order codes and numbers. On short messages these would
// otherwise outweigh the few words that carry the language.
import { htmlToText, INVISIBLE_ELEMENTS } from '../pipeline/html-text.js';

// Elements whose text is never the customer's own words.
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([...INVISIBLE_ELEMENTS, 'blockquote']);

// A line that introduces quoted history; everything from it on is dropped. Covers the mail
// clients' attribution lines in the languages agents meet most, plus Outlook's header block.
const QUOTE_INTRODUCERS: readonly RegExp[] = [
  /^on\b.{4,200}\bwrote:?\s*$/i,
  /^el\b.{4,200}\bescribi[óo]:?\s*$/i,
  /^am\b.{4,200}\bschrieb\b.{0,200}$/i,
  /^le\b.{4,200}\ba [ée]crit\s*:?\s*$/i,
  /^il giorno\b.{4,200}\bha scritto:?\s*$/i,
  /^(em|no dia)\b.{4,200}\bescreveu:?\s*$/i,
  /^op\b.{4,200}\bschreef\b.{0,200}$/i,
  /^(den|d\.)\b.{4,200}\bskrev\b.{0,200}$/i,
  /^w dniu\b.{4,200}\bnapisał(a|\(a\))?:?\s*$/i,
  /(написал|написала|написав)(\(а\))?:\s*$/i,
  // Any client's attribution line ends with the quoted sender's address and a colon, whatever
  // the language: "2025年3月7日(金) 10:00 Acme <help@acme.example>:".
  // The local part stops at the first `@`: with `@` on both sides of it, a line of "a@a@a@…"
  // was tried at every split.
  /<[^<>\s@]+@[^<>\s]+>\)?[^<>]{0,40}:\s*$/,
  /^-{2,}\s*(original message|mensaje original|message d'origine|ursprüngliche nachricht|messaggio originale|mensagem original)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^(from|de|von|da|van|från|fra|od|от|від):\s.+$/i,
];

// A line that starts a signature; everything from it on is dropped.
const SIGNATURE_DELIMITER = /^--\s?$/;

// "Sent from my iPhone" in its common translations: dropped wherever it stands.
const DEVICE_SIGNATURE =
  /^(sent from|sent with|get outlook for|enviado desde|enviado do|enviado a partir|envoyé de|envoyé depuis|von meinem|gesendet von|inviato da|verzonden (vanaf|met)|skickat från|sendt fra|lähetetty|wysłane z|odesláno z|trimis de pe|отправлено с|надіслано з)\b.{0,80}$/i;

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
// Both patterns start only where a token starts (the lookbehind): tried inside a word, they rescan
// the rest of it at every letter, quadratic on a long word without `@` or digit.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// Any Latin-script token holding a digit: order codes (ORD-77812-B), phone numbers, dates,
// prices. Only Latin letters join a digit's token: CJK text has no spaces ("13年ぶりに").
const TOKEN_WITH_DIGIT =
  /(?<![\p{Script=Latin}\p{N}_-])[\p{Script=Latin}\p{N}_-]*\p{N}[\p{Script=Latin}\p{N}_.,/:-]*/gu;
const MENTION_OR_TAG = /(^|\s)[@#][\p{L}\p{N}_.-]+/gu;

function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(text) || /&(#\d+|[a-z]+);/i.test(text);
}

/** Keeps the lines before quoted history or a signature, without `>` quotes or device lines. */
function ownLines(text: string): string[] {
  const kept: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (SIGNATURE_DELIMITER.test(rawLine.trimStart())) break;
    if (QUOTE_INTRODUCERS.some((pattern) => pattern.test(line))) break;
    if (line.startsWith('>')) continue;
    if (DEVICE_SIGNATURE.test(line)) continue;
    kept.push(line);
  }
  return kept;
}

/** The customer's own words from a helpdesk message, ready for language detection. */
export function cleanForDetection(text: string): string {
  const plain = looksLikeHtml(text) ? htmlToText(text, SKIPPED_ELEMENTS) : text;
  return ownLines(plain.normalize('NFC'))
    .join('\n')
    .replace(URL, ' ')
    .replace(EMAIL, ' ')
    .replace(MENTION_OR_TAG, ' ')
    .replace(TOKEN_WITH_DIGIT, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
