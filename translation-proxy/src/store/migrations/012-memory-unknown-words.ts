// A machine translation's words the engine did not know (UTF-16 spans into the masked target, as
// JSON), so the same sentence served again from memory still shows them. NULL for none and for
// human translations.
export default `
ALTER TABLE translation_memory ADD COLUMN unknown_spans TEXT;
`;
