// Managers: a translator account may also run the team of a tenant and read its reports. A role
// of its own per tenant (not a column on translators), since one person may manage one tenant and
// only translate for another. Reports read job events by kind over a date range: the index keeps
// that from scanning every event of every tenant.
export default `
CREATE TABLE tenant_managers (
  translator_id TEXT NOT NULL REFERENCES translators(id) ON DELETE CASCADE,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  granted_at BIGINT NOT NULL,
  PRIMARY KEY (translator_id, tenant_id)
);

CREATE INDEX job_events_kind_at ON job_events (kind, at);
`;
