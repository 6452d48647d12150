/**
 * A prepared document: its masked segments for the engines, and the plan to rebuild the markup
 * around their translations.
 */
import type { DocumentPart, DocumentPlan, SegmentPlan } from './document-builder.js';
import { unescapeXmlText } from './escape.js';
import { describePlaceholder, type Placeholder } from './placeholder.js';
import { restoreSegment } from './restore.js';
import { sanitizeHtml } from './sanitize.js';
import type {
  DocumentFormat,
  PreparedDocument,
  QaIssue,
  RestoreOptions,
  RestoredDocument,
  Segment,
} from './types.js';

// Attributes as the sanitizer serializes them: double-quoted, HTML-escaped.
const LINK_ATTRIBUTE = /\s(?:href|src)="([^"]*)"/;

/** A link's or an image's address, for translators to see what a tag token stands for. */
function linkTarget(placeholder: Placeholder): { target?: string } {
  if (placeholder.kind !== 'open' && placeholder.kind !== 'void') return {};
  const address = LINK_ATTRIBUTE.exec(placeholder.output)?.[1];
  return address ? { target: unescapeXmlText(address) } : {};
}

export class MaskedDocument implements PreparedDocument {
  readonly segments: readonly Segment[];
  private readonly parts: readonly DocumentPart[];
  private readonly plans: readonly SegmentPlan[];

  constructor(
    readonly format: DocumentFormat,
    { parts, segments }: DocumentPlan,
  ) {
    this.parts = parts;
    this.plans = segments;
    this.segments = segments.map(({ masked, translatable, placeholders }) => ({
      masked,
      translatable,
      placeholders: placeholders.map((placeholder, index) => ({
        id: index + 1,
        kind: placeholder.kind,
        display: describePlaceholder(placeholder),
        ...(placeholder.kind === 'span' && placeholder.category === 'personal'
          ? { personal: placeholder.personal }
          : {}),
        ...linkTarget(placeholder),
      })),
    }));
  }

  restore(translated: readonly string[], options: RestoreOptions = {}): RestoredDocument {
    if (translated.length !== this.plans.length) {
      throw new RangeError(
        `Expected ${this.plans.length} translated segments, got ${translated.length}.`,
      );
    }
    const qa: QaIssue[] = [];
    let tagsUnbalanced = false;
    const restored = this.plans.map((plan, index) => {
      const segment = restoreSegment(
        plan,
        translated[index] ?? plan.masked,
        this.format,
        index,
        qa,
        options,
      );
      tagsUnbalanced ||= segment.tagsUnbalanced;
      return segment.output;
    });
    let output = '';
    for (const part of this.parts) output += typeof part === 'string' ? part : restored[part];
    // Tags a reordering engine made overlap: re-parsing closes them where they must end.
    if (tagsUnbalanced && this.format === 'html') output = sanitizeHtml(output);
    return { output, qa };
  }
}
