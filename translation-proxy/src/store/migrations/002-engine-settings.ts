// Each tenant's engine settings (engines in order, per-pair routes), sealed: they hold API keys.
export default `
CREATE TABLE tenant_engine_settings (
  tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  sealed TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
`;
