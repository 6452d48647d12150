/**
 * Headers for the pages the proxy serves (/queue, /playground): they hold a session or a key, so
 * they load nothing from elsewhere, are not sniffed into another type, and are framed by no one
 * (or, for the playground, only by its own page, which frames the sidebar app).
 */
import type { FastifyInstance } from 'fastify';

export interface PageHeaderOptions {
  /** `'none'` for a page that is never framed; `'self'` for one framed by this origin's page. */
  frameAncestors: "'none'" | "'self'";
}

// Garden's styled-components insert <style> elements at run time: inline styles must be allowed.
function contentSecurityPolicy({ frameAncestors }: PageHeaderOptions): string {
  return [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Adds the headers to every reply of the (encapsulated) plugin `app`, errors included. */
export function addPageHeaders(app: FastifyInstance, options: PageHeaderOptions): void {
  const policy = contentSecurityPolicy(options);
  app.addHook('onSend', async (_request, reply) => {
    void reply
      .header('content-security-policy', policy)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin');
  });
}
