/**
 * Errors of a connection before any route sees a request — a request not received within the timeout,
 * headers too large, bytes that are not HTTP — answered in the one error shape and then cut (Fastify's
 * `clientErrorHandler`). Node calls it with the socket only: there is no request or reply to use.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** Status and code of each connection-level refusal. */
function classify(code: string | undefined): { status: number; code: string; message: string } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, code: 'request_timeout', message: 'the request was not received in time' };
  if (code === 'HPE_HEADER_OVERFLOW')
    return {
      status: 431,
      code: 'headers_too_large',
      message: 'the request line or headers are too large',
    };
  return { status: 400, code: 'bad_request', message: 'the request is not valid HTTP' };
}

/** Answers a client error on `socket` (unless a response is already under way) and closes it. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A response already started on this socket (say a 401 sent before the body arrived) cannot be
  // followed by another: just cut the connection.
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !current?.headersSent) {
    const { status, code, message } = classify(error.code);
    const body = JSON.stringify({ error: { code, message } });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    // Closed once the answer is out, whatever the client still sends.
    socket.destroySoon();
    return;
  }
  socket.destroy(error);
}
