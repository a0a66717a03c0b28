import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isObject, type ErrorDetail, type Json } from './validate-common';

export type EmulatorEnv = {
  Variables: {
    requestId: string;
    /** The LINE path without any mount prefix, e.g. /v2/bot/message/push. */
    linePath: string;
    /** Recipients that received something; recorded in the request log. */
    recipients: number;
  };
};

export type EmulatorContext = Context<EmulatorEnv>;

export function lineError(c: Context, status: ContentfulStatusCode, message: string, extra: Record<string, unknown> = {}): Response {
  return c.json({ message, ...extra }, status);
}

export function validationError(c: Context, details: ErrorDetail[]): Response {
  return c.json({ message: `The request body has ${details.length} error(s)`, details }, 400);
}

export function notFound(c: Context): Response {
  return lineError(c, 404, 'Not found');
}

/** Parses a JSON object body or answers 400 like LINE does for unreadable bodies. */
export async function readJsonObject(c: Context): Promise<Json | Response> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return lineError(c, 400, 'The request body could not be parsed as JSON');
  }
  if (!isObject(body)) return lineError(c, 400, 'The request body must be a JSON object');
  return body;
}

export function linePathOf(path: string): string {
  const index = path.indexOf('/v2/');
  return index >= 0 ? path.slice(index) : path;
}
