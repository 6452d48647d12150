// SQLite drops the fuzzy-match index's word-count index (migration 11): unlike PostgreSQL's, its
// index entries are not deduplicated, so they save counting little (a 100k memory's lookup p50 6.9
// → 6.4 ms) while every machine translation writes one more B-tree entry per word (a memory write
// 0.30 → 0.42 ms of CPU; writes come with every translation, lookups with a translator's segment).
export default `
DROP INDEX memory_terms_frequency;
`;
