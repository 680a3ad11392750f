// Discord API: `{code: 50035, message: "Invalid Form Body", errors: {field: {_errors: [{code, message}]}}}`
// and rate limits `{message: "You are being rate limited.", retry_after: 64.57, global: false}` (seconds, float).
// Code 0 is "general error", not a code worth reporting.
// Sources: https://discord.com/developers/docs/reference#error-messages ,
// https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit

import type { FieldError, FormatRecognizer } from '../types';
import { compact, get, hostIs, isRecord, str, text, toNumber, type JsonRecord } from './util';

const MAX_DEPTH = 8;

/** Collects `_errors` lists from Discord's nested error tree, with dotted paths. */
function collect(node: JsonRecord, path: string, out: FieldError[], depth: number): void {
  if (depth > MAX_DEPTH || out.length >= 50) return;
  for (const key of Object.keys(node).slice(0, 100)) {
    const child = node[key];
    if (key === '_errors' && Array.isArray(child)) {
      for (const e of child.slice(0, 20)) {
        const m = text(get(e, 'message'));
        if (m) out.push({ field: path || '(body)', message: m });
      }
    } else if (isRecord(child)) {
      collect(child, path ? `${path}.${key}` : key, out, depth + 1);
    }
  }
}

export const discord: FormatRecognizer = {
  id: 'discord',
  vendor: true,
  title: 'Discord {code, message, errors: {…_errors}} / {retry_after, global}',
  priority: 68,
  kinds: ['json'],
  keys: ['message'],
  recognize({ body, exchange }) {
    const j = body.json;
    if (!isRecord(j) || str(j, 'message') === undefined) return null;
    const rateLimited = typeof get(j, 'retry_after') === 'number' && typeof get(j, 'global') === 'boolean';
    const numericCode = typeof get(j, 'code') === 'number';
    if (!rateLimited && !numericCode) return null;
    const errors = get(j, 'errors');
    const nested = numericCode && isRecord(errors);
    if (!rateLimited && !nested && !hostIs(exchange.url, 'discord.com') && !hostIs(exchange.url, 'discordapp.com'))
      return null;

    const fieldErrors: FieldError[] = [];
    if (isRecord(errors)) collect(errors, '', fieldErrors, 0);
    const errCode = get(j, 'code');
    const wait = toNumber(get(j, 'retry_after'));
    return compact({
      saysFailure: true,
      // Discord's codes are 0 or 4–6 digits; a `code` equal to the status is a look-alike's echo (Feathers `{name, message, code: 401, errors}`).
      errorCode: typeof errCode === 'number' && errCode !== 0 && errCode !== exchange.status ? errCode : undefined,
      message: fieldErrors[0]
        ? `${str(j, 'message')}: ${fieldErrors[0].field}: ${fieldErrors[0].message}`
        : str(j, 'message'),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      retryAfterSeconds: wait,
      retryAfterField: wait !== undefined ? 'retry_after' : undefined,
    });
  },
};
