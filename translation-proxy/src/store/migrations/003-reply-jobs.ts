// Reviewed replies: jobs and their audit trail, the outbox that posts them, translators and their
// sessions, and each tenant's reply settings (SLA, fallback policy, sealed helpdesk credentials).
export default `
CREATE TABLE tenant_reply_settings (
  tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  sla_minutes INTEGER NOT NULL DEFAULT 240,
  fallback_policy TEXT NOT NULL DEFAULT 'alert',
  updated_at BIGINT NOT NULL
);

CREATE TABLE tenant_helpdesks (
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  helpdesk TEXT NOT NULL,
  sealed TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, helpdesk)
);

CREATE TABLE reply_jobs (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  idempotency_key TEXT,
  helpdesk TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  author_id TEXT,
  mode TEXT NOT NULL,
  format TEXT NOT NULL,
  priority TEXT NOT NULL,
  source_lang TEXT NOT NULL,
  target_lang TEXT NOT NULL,
  draft TEXT NOT NULL,
  terms TEXT NOT NULL DEFAULT '[]',
  segments TEXT NOT NULL DEFAULT '[]',
  machine TEXT NOT NULL,
  engine TEXT NOT NULL,
  approved TEXT,
  status TEXT NOT NULL,
  due_at BIGINT,
  claimed_by TEXT,
  lease_expires_at BIGINT,
  editor_id TEXT,
  edit_distance INTEGER,
  edit_ratio DOUBLE PRECISION,
  flagged INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  posted_comment_id TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX reply_jobs_queue ON reply_jobs (status, due_at);

CREATE TABLE job_events (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL REFERENCES reply_jobs(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT,
  detail TEXT
);
CREATE INDEX job_events_job ON job_events (job_id, at);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL UNIQUE REFERENCES reply_jobs(id) ON DELETE CASCADE,
  tenant_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0,
  public_attempted_at BIGINT,
  public_comment_id TEXT,
  note_attempted_at BIGINT,
  note_comment_id TEXT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE translators (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE translator_assignments (
  translator_id TEXT NOT NULL REFERENCES translators(id) ON DELETE CASCADE,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  source_lang TEXT NOT NULL,
  target_lang TEXT NOT NULL,
  PRIMARY KEY (translator_id, tenant_id, source_lang, target_lang)
);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  translator_id TEXT NOT NULL REFERENCES translators(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
`;
