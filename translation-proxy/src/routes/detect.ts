/** `POST /v1/detect`: the language of a customer's text, with the helpdesk's priors. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { detectLanguage } from '@parley/shared/detect/index';
import { DetectRequest, Detection, ErrorBody } from '@parley/shared/api/schemas';
import { ApiError } from '../errors.js';
import type { Store } from '../store/index.js';
import { detectionText, requireLanguage } from '../translation/translation.js';

const routes: FastifyPluginAsyncTypebox<{ store: Store; maxCharacters: number }> = async (
  app,
  { store, maxCharacters },
) => {
  app.post(
    '/v1/detect',
    {
      schema: {
        summary: "Detect a text's language",
        security: [{ bearer: [] }],
        body: DetectRequest,
        response: { 200: Detection, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request) => {
      const { text, hints } = request.body;
      if (text.length > maxCharacters)
        throw new ApiError(
          'text_too_long',
          `The text has ${text.length} characters; the limit is ${maxCharacters}.`,
        );
      const tenant = await store.tenants.get(request.tenantId);
      const languages = hints?.languages?.map((tag) => requireLanguage(tag, 'hints.languages'));
      const locale =
        hints?.locale === undefined ? undefined : requireLanguage(hints.locale, 'hints.locale');
      const previous = hints?.previous?.map((tag) => requireLanguage(tag, 'hints.previous'));
      const restrictTo = languages ?? (tenant?.languages.length ? tenant.languages : undefined);
      const detection = detectLanguage(detectionText(text, hints?.pii), {
        ...(restrictTo ? { languages: restrictTo } : {}),
        hints: { ...(locale ? { locale } : {}), ...(previous ? { previous } : {}) },
      });
      app.metrics.detections.inc({ reliable: String(detection.reliable) });
      return detection;
    },
  );
};

export default routes;
