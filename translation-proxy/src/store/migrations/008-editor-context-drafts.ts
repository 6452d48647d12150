// The translators' editor: the ticket context a reviewed reply was written in (subject and the
// customer's last message, personal data masked), and the draft of the translator who holds it.
export default `
CREATE TABLE reply_contexts (
  job_id TEXT PRIMARY KEY REFERENCES reply_jobs(id) ON DELETE CASCADE,
  subject TEXT,
  last_message TEXT
);

CREATE TABLE job_drafts (
  job_id TEXT PRIMARY KEY REFERENCES reply_jobs(id) ON DELETE CASCADE,
  translator_id TEXT NOT NULL REFERENCES translators(id) ON DELETE CASCADE,
  segments TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
`;
