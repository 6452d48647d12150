// How each tenant establishes who is posting: whether Zendesk requests without a signed identity
// are accepted (`unsigned`: refuse, verify with the helpdesk's API, or trust — the dev tenant only)
// and the sealed secret Zendesk signs the app's requests with. Tenants that already post to Zendesk
// keep accepting unsigned requests, now verified with Zendesk's API, until an admin requires
// signatures; a tenant without a row (every new one) requires them. The dev tenant is left to the
// proxy's start-up, which makes it trust the request (it has no helpdesk account to ask).
export default `
CREATE TABLE tenant_identity (
  tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  unsigned TEXT NOT NULL,
  zendesk_secret TEXT,
  updated_at BIGINT NOT NULL
);

INSERT INTO tenant_identity (tenant_id, unsigned, updated_at)
  SELECT tenant_id, 'verify', updated_at FROM tenant_helpdesks
  WHERE helpdesk = 'zendesk' AND tenant_id <> 'dev';
`;
