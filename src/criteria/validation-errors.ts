import { AppError, type FieldError, type FieldErrorCode } from '../errors/app-error.js';

/** Maximum number of field errors in one response. The message counts the rest. */
const MAX_REPORTED_ERRORS = 20;

/** Collects the field errors of one request so that the client sees them all at once. */
export class ValidationErrors {
  private readonly errors: FieldError[] = [];
  private omitted = 0;

  add(field: string, message: string, code: FieldErrorCode = 'invalid'): void {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ field, message, code });
    else this.omitted += 1;
  }

  get count(): number {
    return this.errors.length + this.omitted;
  }

  /** Throws one VALIDATION_FAILED error naming the first invalid field, unless nothing was added. */
  throwIfAny(): void {
    const first = this.errors[0];
    if (first === undefined) return;

    const others = this.errors.length - 1 + this.omitted;
    const more = others > 0 ? ` (and ${others} more ${others === 1 ? 'error' : 'errors'})` : '';
    throw new AppError('VALIDATION_FAILED', `${first.field.replace(/^\//, '')}: ${first.message}${more}`, this.errors);
  }
}

/** Quotes a client-supplied value for an error message, cut short so that a huge input stays out of logs. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
