/**
 * The concordance search's limits, apart from its schemas (memory-schemas.ts): the workspace checks
 * a phrase's length in the browser, and importing the schemas would bundle TypeBox with it.
 */
export const CONCORDANCE_LIMITS = { minLength: 2, maxLength: 200, results: 20 } as const;
