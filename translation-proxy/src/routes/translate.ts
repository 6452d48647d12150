/** `POST /v1/translate`: text, HTML or a batch of segments, with `source:"auto"` detecting first. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, TranslateRequest, TranslateResponse } from '@parley/shared/api/schemas';
import { ApiError } from '../errors.js';
import type {
  TranslatedDocument,
  TranslationInput,
  TranslationService,
} from '../translation/translation.js';

function inputsOf(body: TranslateRequest): TranslationInput[] {
  const given = [body.text, body.html, body.segments].filter((value) => value !== undefined).length;
  if (given !== 1)
    throw new ApiError('invalid_request', 'Send exactly one of "text", "html" or "segments".');
  if (body.text !== undefined) return [{ format: 'text', content: body.text }];
  if (body.html !== undefined) return [{ format: 'html', content: body.html }];
  const ids = new Set<string>();
  return (body.segments ?? []).map((segment) => {
    if ((segment.text === undefined) === (segment.html === undefined))
      throw new ApiError(
        'invalid_request',
        `Segment "${segment.id}" needs exactly one of "text" or "html".`,
      );
    if (ids.has(segment.id))
      throw new ApiError('invalid_request', `Segment id "${segment.id}" is used more than once.`);
    ids.add(segment.id);
    return segment.html !== undefined
      ? { id: segment.id, format: 'html', content: segment.html }
      : { id: segment.id, format: 'text', content: segment.text ?? '' };
  });
}

const routes: FastifyPluginAsyncTypebox<{ translation: TranslationService }> = async (
  app,
  { translation },
) => {
  app.post(
    '/v1/translate',
    {
      schema: {
        summary: 'Translate text, HTML or a batch of segments',
        security: [{ bearer: [] }],
        body: TranslateRequest,
        response: { 200: TranslateResponse, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request) => {
      const body = request.body;
      const inputs = inputsOf(body);
      const outcome = await translation.translate({
        tenantId: request.tenantId,
        inputs,
        source: body.source ?? 'auto',
        target: body.target,
        ...(body.formality ? { formality: body.formality } : {}),
        ...(body.glossary ? { glossary: body.glossary } : {}),
        ...(body.hints?.pii ? { known: body.hints.pii } : {}),
      });
      const { documents, masking: _masking, terms: _terms, ...rest } = outcome;
      const unknownIn = (document: TranslatedDocument | undefined) =>
        document?.unknown.length ? { unknown: document.unknown } : {};
      const [first] = documents;
      if (body.text !== undefined)
        return { ...rest, translation: first?.output ?? '', ...unknownIn(first) };
      if (body.html !== undefined)
        return { ...rest, html: first?.output ?? '', ...unknownIn(first) };
      return {
        ...rest,
        segments: inputs.map((input, index) => ({
          id: input.id ?? String(index),
          [input.format]: documents[index]?.output ?? '',
          ...unknownIn(documents[index]),
        })),
      };
    },
  );
};

export default routes;
