// Spring Boot's Whitelabel Error Page, the HTML its error controller renders when no error view is configured:
// `<h1>Whitelabel Error Page</h1>`, a fallback note, the time, "There was an unexpected error (type=…, status=…)."
// (WebFlux prefixes the request's log id in brackets), then the exception's message and trace when exposed.
// Sources: spring-boot ErrorMvcAutoConfiguration.StaticView and DefaultErrorWebExceptionHandler.renderDefaultErrorView;
// pages pasted in eclipse-vorto/vorto#1132 and eventuate-tram-sagas-examples-customers-and-orders#58.

import { whitelabelPage } from '../infer/markup';
import type { FormatRecognizer } from '../types';

export const springWhitelabel: FormatRecognizer = {
  id: 'spring-whitelabel',
  title: "Spring Boot's Whitelabel Error Page (HTML)",
  priority: 5,
  kinds: ['html'],
  recognize({ body }) {
    if (body.kind !== 'html') return null;
    const page = whitelabelPage(body.text);
    if (!page) return null;
    // The page carries no machine code; the exception's message names what failed.
    return page.requestId
      ? { message: page.message, errorId: page.requestId, errorIdField: '(page text)' }
      : { message: page.message };
  },
};
