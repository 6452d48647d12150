/**
 * Translation assets over HTTP, for the tenant whose key signs the request: the memory in and out
 * as TMX 1.4b, the glossary as TBX-Basic or CSV. Uploads are read as a stream within a byte limit
 * and written as they are read; downloads are written as they are read from the store.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ASSET_LIMITS,
  GlossaryExportQuery,
  GlossaryImportQuery,
  ImportReport,
  MemoryExportQuery,
  MemoryImportQuery,
} from '@parley/shared/api/assets';
import { ErrorBody } from '@parley/shared/api/schemas';
import {
  exportGlossary,
  importGlossary,
  type GlossaryFormat,
} from '../assets/glossary-transfer.js';
import { AssetFormatError } from '../assets/import-report.js';
import { exportMemory, importMemory } from '../assets/memory-transfer.js';
import { ApiError } from '../errors.js';
import { requireLanguage } from '../translation/translation.js';
import { ANY_TARGET } from '../store/glossary.js';
import type { Store } from '../store/index.js';

const TMX_TYPES = ['application/x-tmx+xml', 'text/xml', 'application/xml'];
const TBX_TYPES = ['application/x-tbx+xml', 'application/tbx+xml', 'text/xml', 'application/xml'];
const CSV_TYPES = ['text/csv'];

const MEBIBYTE = 1_048_576;

const mediaType = (request: FastifyRequest): string =>
  (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/** The upload as a stream, refused past `limit` bytes whether or not it declared its length. */
function upload(request: FastifyRequest, limit: number): AsyncIterable<Uint8Array> {
  const tooLarge = () =>
    new ApiError(
      'payload_too_large',
      `This import takes at most ${limit / MEBIBYTE} MiB; split the file and import the parts.`,
    );
  if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const body = request.body as AsyncIterable<Uint8Array>;
  return (async function* () {
    let received = 0;
    for await (const chunk of body) {
      received += chunk.length;
      if (received > limit) throw tooLarge();
      yield chunk;
    }
  })();
}

/** A download written as its pieces come: the response schema only covers errors. */
function download(
  reply: FastifyReply,
  type: string,
  filename: string,
  pieces: AsyncIterable<string> | Iterable<string>,
): FastifyReply {
  return reply
    .type(`${type}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(Readable.from(pieces));
}

async function reported<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AssetFormatError) throw new ApiError(error.code, error.message);
    throw error;
  }
}

const optionalLanguage = (tag: string | undefined, field: string): string | undefined =>
  tag === undefined ? undefined : requireLanguage(tag, field);

const optionalTarget = (tag: string | undefined): string | undefined =>
  tag === ANY_TARGET ? ANY_TARGET : optionalLanguage(tag, 'target');

const routes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  // Asset files are read as streams by the routes themselves, within their own limits.
  app.addContentTypeParser(
    [...new Set([...TMX_TYPES, ...TBX_TYPES, ...CSV_TYPES])],
    (_request, payload, done) => done(null, payload),
  );

  app.get(
    '/v1/memory/export',
    {
      schema: {
        summary: "The tenant's translation memory as a TMX 1.4b document (streamed)",
        description:
          'Placeholders are written as `<ph x="N"/>`; origin, engine and formality as `x-parley-*` properties.',
        security: [{ bearer: [] }],
        querystring: MemoryExportQuery,
        produces: ['application/x-tmx+xml'],
        response: { '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const filter = {
        sourceLang: optionalLanguage(request.query.source, 'source'),
        targetLang: optionalLanguage(request.query.target, 'target'),
      };
      return download(
        reply,
        'application/x-tmx+xml',
        'parley-memory.tmx',
        exportMemory(store.memory, request.tenantId, filter),
      );
    },
  );

  app.post(
    '/v1/memory/import',
    {
      schema: {
        summary: 'Adds a TMX document to the tenant’s translation memory',
        description: `Body: TMX 1.4b (\`application/x-tmx+xml\`, \`text/xml\` or \`application/xml\`), at most ${ASSET_LIMITS.maxMemoryImportBytes / MEBIBYTE} MiB. Unusable units are skipped and listed; a file that is not well-formed TMX answers \`invalid_tmx\` with its line. DTDs are refused.`,
        security: [{ bearer: [] }],
        querystring: MemoryImportQuery,
        consumes: TMX_TYPES,
        response: { 200: ImportReport, '4xx': ErrorBody },
      },
    },
    async (request) => {
      if (!TMX_TYPES.includes(mediaType(request)))
        throw new ApiError(
          'unsupported_media_type',
          `Send TMX as ${TMX_TYPES.join(', ')}, not "${mediaType(request)}".`,
        );
      const sourceLang = optionalLanguage(request.query.source, 'source');
      return reported(
        importMemory(
          store.memory,
          request.tenantId,
          upload(request, ASSET_LIMITS.maxMemoryImportBytes),
          { sourceLang },
        ),
      );
    },
  );

  app.get(
    '/v1/glossary/export',
    {
      schema: {
        summary: "The tenant's glossary as TBX-Basic or CSV (streamed)",
        description:
          'TBX needs `source`: a term base is written in one source language. CSV columns: source_lang, target_lang, source, target, case_sensitive.',
        security: [{ bearer: [] }],
        querystring: GlossaryExportQuery,
        produces: ['application/x-tbx+xml', 'text/csv'],
        response: { '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const filter = {
        sourceLang: optionalLanguage(request.query.source, 'source'),
        targetLang: optionalTarget(request.query.target),
      };
      if (format === 'tbx' && filter.sourceLang === undefined)
        throw new ApiError(
          'invalid_request',
          'A TBX export needs `source`: a term base is written in one source language.',
        );
      const pieces = await exportGlossary(store.glossary, request.tenantId, format, filter);
      return download(
        reply,
        format === 'tbx' ? 'application/x-tbx+xml' : 'text/csv',
        `parley-glossary.${format}`,
        pieces,
      );
    },
  );

  app.post(
    '/v1/glossary/import',
    {
      schema: {
        summary: 'Adds a TBX-Basic or CSV file to the tenant’s glossary',
        description: `Body: TBX-Basic v3 or v2 (\`application/x-tbx+xml\`, \`text/xml\` or \`application/xml\`) or CSV (\`text/csv\`), at most ${ASSET_LIMITS.maxGlossaryImportBytes / MEBIBYTE} MiB and ${ASSET_LIMITS.maxGlossaryImportTerms} terms. Unusable entries are skipped and listed; a broken file answers \`invalid_tbx\` or \`invalid_csv\` with its line.`,
        security: [{ bearer: [] }],
        querystring: GlossaryImportQuery,
        consumes: [...TBX_TYPES, ...CSV_TYPES],
        response: { 200: ImportReport, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const type = mediaType(request);
      const format: GlossaryFormat | undefined = CSV_TYPES.includes(type)
        ? 'csv'
        : TBX_TYPES.includes(type)
          ? 'tbx'
          : undefined;
      if (!format)
        throw new ApiError(
          'unsupported_media_type',
          `Send TBX as ${TBX_TYPES.join(', ')} or CSV as text/csv, not "${type}".`,
        );
      const options = {
        sourceLang: optionalLanguage(request.query.source, 'source'),
        targetLang: optionalTarget(request.query.target),
      };
      return reported(
        importGlossary(
          store.glossary,
          request.tenantId,
          format,
          upload(request, ASSET_LIMITS.maxGlossaryImportBytes),
          options,
        ),
      );
    },
  );
};

export default routes;
