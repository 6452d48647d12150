/**
 * What survives sanitization of helpdesk comment HTML, as two named policies over one allow-list
 * of tags and attributes, URL schemes and inline-style properties. `POSTING_POLICY`: everything
 * posted to a helpdesk (the customer's formatting, images and styles kept, as they would be
 * written in the helpdesk). `DISPLAY_POLICY`: customer HTML the sidebar shows in its own DOM, where
 * a remote image would tell the sender who read the ticket and when, and a style or class would
 * restyle the app: text formatting and links only, every link opening a new window.
 */
import { escapeHtmlAttribute } from './escape.js';

/** How the sanitizer treats a tag. */
export type TagTreatment = 'keep' | 'unwrap' | 'drop';

/** Elements written without an end tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'hr', 'img', 'wbr']);

/** An allow-list: what a sanitizer keeps of elements, attributes and URLs. */
export interface HtmlPolicy {
  /** Kept elements, each with the attributes it may carry besides the global ones. */
  readonly attributesByTag: Readonly<Record<string, readonly string[]>>;
  readonly globalAttributes: readonly string[];
  /** Schemes allowed in `href`, `src` and `cite`. */
  readonly schemes: ReadonlySet<string>;
  /** Whether URLs without a scheme (relative to the helpdesk) are kept. */
  readonly relativeUrls: boolean;
  /** Every link opens a new window with no handle on this page, whatever the source said. */
  readonly linksOpenNewWindow: boolean;
}

const GLOBAL_ATTRIBUTES = ['dir', 'lang', 'title', 'class', 'style'];
const CELL_ATTRIBUTES = ['colspan', 'rowspan', 'align', 'valign', 'width', 'height'];
const BLOCK_ATTRIBUTES = ['align'];

const ATTRIBUTES_BY_TAG: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'target', 'rel', 'name'],
  abbr: [],
  b: [],
  bdi: [],
  bdo: [],
  big: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  dd: [],
  del: ['datetime'],
  dfn: [],
  div: BLOCK_ATTRIBUTES,
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  font: ['color', 'face', 'size'],
  h1: BLOCK_ATTRIBUTES,
  h2: BLOCK_ATTRIBUTES,
  h3: BLOCK_ATTRIBUTES,
  h4: BLOCK_ATTRIBUTES,
  h5: BLOCK_ATTRIBUTES,
  h6: BLOCK_ATTRIBUTES,
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  ins: ['datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'type', 'reversed'],
  p: BLOCK_ATTRIBUTES,
  pre: [],
  q: ['cite'],
  s: [],
  samp: [],
  small: [],
  span: [],
  strike: [],
  strong: [],
  sub: [],
  sup: [],
  table: ['border', 'cellpadding', 'cellspacing', 'width', 'align'],
  tbody: [],
  td: CELL_ATTRIBUTES,
  tfoot: [],
  th: [...CELL_ATTRIBUTES, 'scope'],
  thead: [],
  time: ['datetime'],
  tr: [],
  tt: [],
  u: [],
  ul: ['type'],
  var: [],
};

export const POSTING_POLICY: HtmlPolicy = {
  attributesByTag: ATTRIBUTES_BY_TAG,
  globalAttributes: GLOBAL_ATTRIBUTES,
  schemes: new Set(['http', 'https', 'mailto', 'tel']),
  relativeUrls: true,
  linksOpenNewWindow: false,
};

/** The elements the sidebar shows as such; any other is unwrapped to its text (`img`: nothing). */
const DISPLAYED_TAGS = [
  ...['a', 'b', 'blockquote', 'br', 'code', 'div', 'em', 'hr', 'i', 'li', 'ol', 'p', 'pre'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 's', 'span', 'strong', 'sub', 'sup', 'u', 'ul'],
  ...['table', 'tbody', 'td', 'th', 'thead', 'tr'],
];

export const DISPLAY_POLICY: HtmlPolicy = {
  // A subset of what may be posted, and of the attributes only a link's address.
  attributesByTag: Object.fromEntries(
    DISPLAYED_TAGS.map((tag) => [tag, tag === 'a' ? ['href'] : []]),
  ),
  // No `class` or `style`.
  globalAttributes: ['dir', 'lang', 'title'],
  // No `tel:` (nothing in the sidebar dials), no `data:` images, no addresses relative to the app.
  schemes: new Set(['http', 'https', 'mailto']),
  relativeUrls: false,
  linksOpenNewWindow: true,
};

/** Elements removed together with everything inside them. */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'template',
  'textarea',
  'select',
  'option',
  'button',
  'title',
  'head',
  'svg',
  'math',
  'xml',
]);

const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]*$/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Browsers ignore these inside a scheme ("java\nscript:"), so they are removed before checking it.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007F-\u009F]/g;

const STYLE_PROPERTIES: ReadonlySet<string> = new Set([
  'color',
  'background-color',
  'font-weight',
  'font-style',
  'font-size',
  'font-family',
  'text-decoration',
  'text-align',
  'vertical-align',
  'direction',
  'white-space',
  'line-height',
  'margin',
  'margin-left',
  'margin-right',
  'margin-top',
  'margin-bottom',
  'padding',
  'padding-left',
  'padding-right',
  'padding-top',
  'padding-bottom',
  'list-style-type',
  'border',
  'border-collapse',
  'width',
  'height',
]);
const UNSAFE_STYLE_VALUE =
  /url\s*\(|expression\s*\(|javascript:|vbscript:|@import|behavior|-moz-binding|[<>\\]/i;

export function tagTreatment(name: string, policy: HtmlPolicy = POSTING_POLICY): TagTreatment {
  if (Object.hasOwn(policy.attributesByTag, name)) return 'keep';
  return DROPPED_WITH_CONTENT.has(name) ? 'drop' : 'unwrap';
}

function isSafeUrl(attribute: string, value: string, policy: HtmlPolicy): boolean {
  const compact = value.replace(IGNORED_IN_SCHEME, '');
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return policy.relativeUrls;
  if (scheme === 'data') return attribute === 'src' && SAFE_DATA_IMAGE.test(compact);
  return policy.schemes.has(scheme);
}

function sanitizeStyle(style: string): string {
  const declarations: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (value === '' || !STYLE_PROPERTIES.has(property) || UNSAFE_STYLE_VALUE.test(value)) continue;
    declarations.push(`${property}: ${value}`);
  }
  return declarations.join('; ');
}

/** The allowed attributes of a kept element, serialized (` name="value"` each), in source order. */
export function sanitizeAttributes(
  tag: string,
  attributes: Readonly<Record<string, string>>,
  policy: HtmlPolicy = POSTING_POLICY,
): string {
  const allowed = policy.attributesByTag[tag] ?? [];
  let serialized = '';
  let opensNewWindow = false;
  let rel: string | undefined;
  for (const [name, rawValue] of Object.entries(attributes)) {
    if (!allowed.includes(name) && !policy.globalAttributes.includes(name)) continue;
    let value = rawValue;
    if (URL_ATTRIBUTES.has(name)) {
      value = value.trim();
      if (!isSafeUrl(name, value, policy)) continue;
    } else if (name === 'style') {
      value = sanitizeStyle(value);
      if (value === '') continue;
    } else if (name === 'target') {
      opensNewWindow = value === '_blank';
      if (!['_blank', '_self', '_parent', '_top'].includes(value)) continue;
    } else if (name === 'rel') {
      rel = value;
      continue;
    }
    serialized += ` ${name}="${escapeHtmlAttribute(value)}"`;
  }
  if (policy.linksOpenNewWindow && tag === 'a')
    return `${serialized} target="_blank" rel="noopener noreferrer"`;
  // A page opened by target=_blank must not get a handle on the helpdesk (reverse tabnabbing).
  if (opensNewWindow && !/\bnoopener\b/i.test(rel ?? ''))
    rel = rel ? `${rel} noopener` : 'noopener noreferrer';
  if (rel !== undefined && rel !== '') serialized += ` rel="${escapeHtmlAttribute(rel)}"`;
  return serialized;
}
