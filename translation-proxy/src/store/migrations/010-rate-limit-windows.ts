// Per-tenant request counts shared by every proxy on one PostgreSQL: one row per limiter key, the
// start of its current fixed window and the requests counted in it. SQLite (one proxy) keeps its
// counts in memory and never writes here.
export default `
CREATE TABLE rate_limit_windows (
  key TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL
);
`;
