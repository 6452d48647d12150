// Global test setup: nothing shared yet; PostgreSQL is started here once the store needs it.
export default function setup(): void {}
