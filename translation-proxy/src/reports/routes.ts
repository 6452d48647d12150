/**
 * The managers' reports under `/v1/reports`: the same session as the translators' workspace, but
 * only for a translator with the manager role on the tenant asked about (401 `unauthorized`
 * without a session, 403 `not_a_manager` otherwise). `GET /v1/reports` answers JSON, `GET
 * /v1/reports/csv` the same figures as a CSV download; `GET /v1/reports/tenants` says which
 * tenants the signed-in translator manages (none is an answer, not an error: the page asks it
 * first and explains, rather than have the browser log a refusal).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@parley/shared/api/schemas';
import { Report, ReportQuery, ReportTenants } from '@parley/shared/api/report-schemas';
import Type from 'typebox';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { signedInTranslator } from '../queue/session.js';
import type { Store } from '../store/index.js';
import { reportCsv } from './csv.js';
import { reportDays } from './range.js';

const routes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  // Every report needs a signed-in translator: one hook checks it for all of them.
  await app.register(signedInTranslator, { store });

  async function report(request: FastifyRequest, query: ReportQuery): Promise<Report> {
    const { translatorId } = request.translatorSession;
    const tenants = await store.managers.tenantsOf(translatorId);
    const tenant = query.tenant ? tenants.find((t) => t.id === query.tenant) : tenants[0];
    if (!tenant)
      throw new ApiError(
        'not_a_manager',
        query.tenant && tenants.length > 0
          ? 'You do not manage this tenant.'
          : 'Reports are for managers; ask an administrator for the manager role.',
      );
    const { from, to, range } = reportDays(query);
    const [repliesPerDay, timeToPost, sla, editShare, translators] = await Promise.all([
      store.reports.repliesPerDay(tenant.id, range),
      store.reports.timeToPost(tenant.id, range),
      store.reports.sla(tenant.id, range),
      store.reports.editShare(tenant.id, range),
      store.reports.translatorThroughput(tenant.id, range),
    ]);
    return { tenant, from, to, repliesPerDay, timeToPost, sla, editShare, translators };
  }

  app.get(
    '/v1/reports/tenants',
    {
      schema: {
        summary: 'The tenants whose reports the signed-in translator may read',
        description: 'Session cookie of a translator; an empty list for one without the role.',
        response: { 200: ReportTenants, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const { translatorId } = request.translatorSession;
      return { tenants: await store.managers.tenantsOf(translatorId) };
    },
  );

  app.get(
    '/v1/reports',
    {
      schema: {
        summary: 'A tenant’s replies, SLA, edits and translators over a range of UTC days',
        description: 'Session cookie of a translator with the manager role on the tenant.',
        querystring: ReportQuery,
        response: { 200: Report, '4xx': ErrorBody },
      },
    },
    (request) => report(request, request.query),
  );

  app.get(
    '/v1/reports/csv',
    {
      schema: {
        summary: 'The same report as a CSV file (one figure per row)',
        description: 'Session cookie of a translator with the manager role on the tenant.',
        querystring: ReportQuery,
        response: {
          200: {
            description:
              'RFC 4180 CSV: figure, day, source, target, mode, engine, translator, value',
            content: { 'text/csv': { schema: Type.String() } },
          },
          '4xx': ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const figures = await report(request, request.query);
      // The file name carries the tenant id: keep it to characters a header and a disk accept.
      const name = `parley-report-${figures.tenant.id.replace(/[^\w-]/g, '_')}-${figures.from}-${figures.to}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(reportCsv(figures));
    },
  );
};

export default routes;
