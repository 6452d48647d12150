// Personal data: each tenant's masking policy, and on each reply job what was masked (counts by
// kind, kept) and the masking it was prepared with (kept only until its translation is restored).
export default `
CREATE TABLE tenant_personal_data (
  tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  kinds TEXT NOT NULL,
  engines TEXT NOT NULL,
  translators_see_values INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);

ALTER TABLE reply_jobs ADD COLUMN masking TEXT;

ALTER TABLE reply_jobs ADD COLUMN redactions TEXT NOT NULL DEFAULT '[]';
`;
