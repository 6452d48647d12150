// The fuzzy-match index of the translation memory (store/memory-index.ts): one row per word of
// each stored segment's normalised source, filed under its length, so that a lookup reads the
// segments of a matchable length sharing a word without scanning the memory. Rows go with their
// segment. Migrations 14 and 15 replace it with a narrower table, filled from the stored units.
export default `
CREATE TABLE memory_terms (
  tenant_id TEXT NOT NULL,
  source_lang TEXT NOT NULL,
  target_lang TEXT NOT NULL,
  term TEXT NOT NULL,
  length INTEGER NOT NULL,
  source_key TEXT NOT NULL,
  PRIMARY KEY (tenant_id, source_lang, target_lang, term, length, source_key),
  FOREIGN KEY (tenant_id, source_lang, target_lang, source_key)
    REFERENCES translation_memory (tenant_id, source_lang, target_lang, source_key) ON DELETE CASCADE
);

CREATE INDEX memory_terms_segment ON memory_terms (tenant_id, source_lang, target_lang, source_key);
`;
