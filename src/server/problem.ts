import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { AppError, ERROR_STATUS, type ErrorCode, type FieldError } from '../errors/app-error.js';

const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Invalid input',
  MALFORMED_REQUEST: 'Malformed request',
  UNAUTHENTICATED: 'Sign-in required',
  INVALID_CREDENTIALS: 'Invalid email or password',
  FORBIDDEN: 'Not allowed',
  CSRF_TOKEN_INVALID: 'Missing or invalid CSRF token',
  NOT_FOUND: 'Not found',
  NAME_TAKEN: 'Name already in use',
  EMAIL_TAKEN: 'Email address already in use',
  VERSION_CONFLICT: 'Changed by someone else',
  DEFAULT_LEAD_STATUS_PROTECTED: 'Default lead status cannot be deleted',
  LEAD_STATUS_NOT_ENABLED: 'Lead status not enabled',
  LEAD_STATUS_NOT_ALLOWED_FOR_GROUP: 'Lead status not allowed for this category group',
  ITEM_DELETED: 'List item deleted',
  REFERENCE_NOT_FOUND: 'Referenced record not found',
  AUTOMATION_RULE_INCOMPLETE: 'Automation rule incomplete',
  PERSON_NOT_IN_COMPANY: 'Person not in this company',
  VERSION_MISMATCH: 'Precondition failed',
  VERSION_REQUIRED: 'Version required',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
};

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  fields?: FieldError[];
  instance?: string;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

function problemFromAppError(error: AppError, request: FastifyRequest): Problem {
  return {
    type: `urn:trechter:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.fields ? { fields: error.fields } : {}),
    instance: request.url,
  };
}

/**
 * Turns every error into application/problem+json. Errors from Fastify itself, such as malformed
 * JSON, a too-large body or a wrong content type, keep their 4xx status. Anything unexpected becomes
 * a 500 whose detail shows no internal text, and the log keeps the error with the request id.
 */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(reply, problemFromAppError(error, request));
    }

    const validation = (error as FastifyError).validation;
    if (validation) {
      const appError = new AppError('VALIDATION_FAILED', error.message);
      return sendProblem(reply, problemFromAppError(appError, request));
    }

    const status = (error as FastifyError).statusCode;
    if (status === 429) {
      return sendProblem(reply, problemFromAppError(new AppError('RATE_LIMITED', 'too many requests; wait a minute and try again'), request));
    }
    if (status !== undefined && status >= 400 && status < 500) {
      const appError = new AppError('MALFORMED_REQUEST', error.message);
      return sendProblem(reply, { ...problemFromAppError(appError, request), status });
    }

    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, {
      type: 'urn:trechter:problem:internal',
      title: TITLES.INTERNAL,
      status: ERROR_STATUS.INTERNAL,
      detail: `an unexpected error occurred; the server log has the details under request id ${request.id}`,
      code: 'INTERNAL',
      instance: request.url,
    });
  });
}

/**
 * Sends problem+json, like every other error, for a request that Node's HTTP parser rejects
 * before Fastify sees it: headers over the size limit (431), a request that arrives too slowly
 * (408) or a malformed request line (400). Fastify calls this as its clientErrorHandler.
 */
export function sendClientErrorProblem(error: Error & { code?: string }, socket: Socket): void {
  // A connection the client has already closed cannot receive a response.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy(error);
    return;
  }
  let status = 400;
  let detail = 'the request is not valid HTTP and could not be read';
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    detail = 'the request headers are larger than the server accepts (16 KiB by default); send fewer or shorter headers, such as fewer cookies';
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    detail = 'the request took too long to arrive; send it again';
  }
  const body = JSON.stringify({
    type: 'urn:trechter:problem:malformed-request',
    title: TITLES.MALFORMED_REQUEST,
    status,
    detail,
    code: 'MALFORMED_REQUEST',
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** Sends 404 for a request that matches no route. */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problemFromAppError(new AppError('NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`), request));
}
