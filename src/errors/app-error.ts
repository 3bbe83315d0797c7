/**
 * The one error type that domain code throws. Each code maps to one HTTP status in errorStatus, and
 * the HTTP layer turns it into an application/problem+json response.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  NAME_TAKEN: 409,
  EMAIL_TAKEN: 409,
  VERSION_CONFLICT: 409,
  DEFAULT_LEAD_STATUS_PROTECTED: 409,
  LEAD_STATUS_NOT_ENABLED: 422,
  LEAD_STATUS_NOT_ALLOWED_FOR_GROUP: 422,
  ITEM_DELETED: 422,
  REFERENCE_NOT_FOUND: 422,
  AUTOMATION_RULE_INCOMPLETE: 422,
  PERSON_NOT_IN_COMPANY: 422,
  VERSION_MISMATCH: 412,
  VERSION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One invalid input field: a JSON pointer-like path such as "/leadStatusId" and what is wrong. */
/** Field problems as stable words that clients translate. */
export const FIELD_ERROR_CODES = [
  'required',
  'tooLong',
  'email',
  'phone',
  'website',
  'unknownField',
  'unknownReference',
  'inactiveUser',
  'deletedItem',
  'taken',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
  code?: FieldErrorCode;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, detail: string, fields?: FieldError[]) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(entity: string, id: number | string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} was not found`);
}

export function validationFailed(field: string, message: string, code: FieldErrorCode = 'invalid'): AppError {
  return new AppError('VALIDATION_FAILED', `${field.replace(/^\//, '')}: ${message}`, [{ field, message, code }]);
}
