// Shopify Admin REST: `{errors: "[API] Invalid API key or access token …"}` or `{errors: {field: ["…"]}}`
// (422). A lone string under `errors` is Shopify's signature; the dictionary form is Rails' and is
// attributed to Shopify only by host or Shopify response headers.
// Source: https://shopify.dev/docs/api/admin-rest#status-and-error-codes

import type { FormatRecognizer } from '../types';
import { compact, get, hostIs, isFieldDict, railsFieldErrors, str } from './util';

export const shopify: FormatRecognizer = {
  id: 'shopify',
  vendor: true,
  title: 'Shopify REST {errors: "…" | {field: ["…"]}}',
  priority: 50,
  kinds: ['json'],
  keys: ['errors'],
  recognize({ body, exchange, header }) {
    const j = body.json;
    const errors = get(j, 'errors');
    const asText = str(j, 'errors');
    if (asText !== undefined) return { saysFailure: true, message: asText };
    if (!isFieldDict(errors)) return null;
    const fromShopify =
      hostIs(exchange.url, 'myshopify.com') ||
      hostIs(exchange.url, 'shopify.com') ||
      header('x-shopify-shop-api-call-limit') !== undefined;
    if (!fromShopify) return null;
    return compact({ saysFailure: true, ...railsFieldErrors(errors) });
  },
};
