// Offboarding: a disabled translator keeps their history (jobs edited, events) but cannot sign in.
export default `
ALTER TABLE translators ADD COLUMN disabled_at BIGINT;
`;
