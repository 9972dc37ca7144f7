import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { SECURITY_HEADERS } from './headers.ts';

/**
 * Timeouts for the node:http server: the headers within `headersTimeout` and the whole request
 * (body included) within `requestTimeout`, so a client trickling bytes cannot hold a connection.
 * The defaults (20 s and 30 s) leave a phone on a poor mobile link room: a 64 KiB body at 5 KB/s is 13 s.
 * Node checks the timeouts every `connectionsCheckingInterval`, so that is kept below them.
 */
export function httpServerOptions(requestTimeoutMs: number): ServerOptions<typeof IncomingMessage, typeof ServerResponse> {
  const headersTimeout = Math.min(20_000, requestTimeoutMs);
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout,
    connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(headersTimeout / 4))),
  };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };

/**
 * Answers requests node's parser refuses with a JSON error instead of a reset connection: a request
 * line too long for `maxHeaderSize` (16 KiB) is 414, other oversized headers 431, a timeout 408.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (!socket.writable || (err.code === 'ECONNRESET')) return void socket.destroy();
    let status = 400;
    if (err.code === 'HPE_HEADER_OVERFLOW') status = err.rawPacket?.includes('\r\n') === false ? 414 : 431;
    else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') status = 408;
    const code = status === 414 || status === 431 ? 'too_large' : 'bad_request';
    const message = { 400: 'malformed request', 408: 'the request took too long to arrive', 414: 'the URL is too long', 431: 'the request headers are too large' }[status];
    const body = JSON.stringify({ error: { code, message } });
    const head = [`HTTP/1.1 ${status} ${REASONS[status]}`, 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store', ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`), 'Connection: close'];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  });
}
