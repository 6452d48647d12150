/**
 * Every error the HTTP API answers with: a stable code, its status, and a message a person can
 * act on. Routes throw `ApiError`; the error plugin turns anything else into one of these.
 */

export const ERROR_STATUS = {
  bad_json: 400,
  invalid_request: 400,
  unknown_language: 400,
  invalid_tmx: 400,
  invalid_tbx: 400,
  invalid_csv: 400,
  unsupported_language_pair: 422,
  language_not_detected: 422,
  unauthorized: 401,
  forbidden: 403,
  agent_unverified: 403,
  not_found: 404,
  ticket_not_found: 404,
  conflict: 409,
  already_claimed: 409,
  lease_expired: 409,
  invalid_credentials: 401,
  csrf_failed: 403,
  not_a_manager: 403,
  qa_failed: 422,
  helpdesk_not_configured: 422,
  helpdesk_unavailable: 502,
  identity_check_unavailable: 503,
  payload_too_large: 413,
  text_too_long: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  engine_error: 502,
  engine_unavailable: 503,
  engine_rate_limited: 503,
  engine_quota_exceeded: 503,
  engine_auth_failed: 503,
  engine_timeout: 504,
  shutting_down: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds after which a retry may succeed (sent as `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const isErrorCode = (code: string): code is ErrorCode => code in ERROR_STATUS;
