// The fuzzy-match index's word counts (store/memory-index.ts): a lookup first counts, for each
// word of the segment, the stored segments of a matchable length holding it (up to a cap). The
// primary key can answer, but each of its entries repeats the segment's 43-character key; these
// entries hold only the word and the length, and PostgreSQL keeps one entry per word and length
// with the list of its rows, so counting reads a fraction of the pages.
export default `
CREATE INDEX memory_terms_frequency ON memory_terms (tenant_id, source_lang, target_lang, term, length);
`;
