/**
 * The managers' reports (`GET /v1/reports`, `GET /v1/reports/csv`) as JSON Schemas: validated by
 * the proxy, published in its OpenAPI document, typed for the reports page. Kept apart from
 * schemas.ts: one resource, one file.
 */
import Type, { type Static } from 'typebox';

/** The longest range one report covers, in days (a year, leap day included). */
export const MAX_REPORT_DAYS = 366;
/** The range a report covers when none is asked for, ending today (UTC). */
export const DEFAULT_REPORT_DAYS = 30;

const Day = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });

export const ReportQuery = Type.Object(
  {
    tenant: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'A tenant the manager manages; the first by name when omitted',
      }),
    ),
    from: Type.Optional(Day('First UTC day, YYYY-MM-DD; 29 days before `to` when omitted')),
    to: Type.Optional(Day('Last UTC day (included), YYYY-MM-DD; today when omitted')),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

const TenantRef = Type.Object({ id: Type.String(), name: Type.String() });

/** The tenants the signed-in translator manages: none for a translator without the role. */
export const ReportTenants = Type.Object({ tenants: Type.Array(TenantRef) });
export type ReportTenants = Static<typeof ReportTenants>;

const Mode = Type.Union([Type.Literal('machine'), Type.Literal('review')]);
const Share = (description: string) => Type.Number({ minimum: 0, description });

export const Report = Type.Object({
  tenant: TenantRef,
  from: Type.String(),
  to: Type.String(),
  repliesPerDay: Type.Array(
    Type.Object({
      day: Type.String({ description: 'UTC day the replies were posted' }),
      source: Type.String(),
      target: Type.String(),
      mode: Mode,
      replies: Type.Integer(),
    }),
  ),
  timeToPost: Type.Array(
    Type.Object({
      source: Type.String(),
      target: Type.String(),
      mode: Mode,
      replies: Type.Integer(),
      medianSeconds: Type.Integer({ description: 'From the agent’s request to the posted reply' }),
    }),
  ),
  sla: Type.Array(
    Type.Object({
      source: Type.String(),
      target: Type.String(),
      met: Type.Integer({ description: 'Reviewed replies approved by their due time' }),
      late: Type.Integer({ description: 'Approved after their due time' }),
      fallbacks: Type.Integer({ description: 'Posted unreviewed at their due time' }),
      flagged: Type.Integer({ description: 'Past due, agent alerted' }),
    }),
  ),
  editShare: Type.Array(
    Type.Object({
      source: Type.String(),
      target: Type.String(),
      engine: Type.String(),
      jobs: Type.Integer(),
      meanEditRatio: Share(
        'Mean share of the machine translation’s characters translators changed',
      ),
    }),
  ),
  translators: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      approved: Type.Integer(),
      rejected: Type.Integer(),
      meanEditRatio: Type.Union([Share('Of the replies they approved'), Type.Null()]),
    }),
  ),
});
export type Report = Static<typeof Report>;
