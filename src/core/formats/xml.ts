// Any other XML body: the first <message>/<Message>/<error>/<title> element is the message and a
// <code>/<Code> element the code (SOAP faults use <faultstring>/<faultcode>).
// Source: SOAP 1.1 Fault, https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383507

import type { FormatRecognizer } from '../types';
import { compact, isCodeLike, tagText } from './util';
import { xmlText } from './xml-util';

export const xml: FormatRecognizer = {
  id: 'xml',
  title: 'Other XML (<message>, <code>, SOAP <faultstring>)',
  priority: 3,
  kinds: ['xml', 'text'],
  recognize({ body }) {
    const text = xmlText(body);
    if (text === undefined || body.kind === 'html' || (body.kind !== 'xml' && !text.trimStart().startsWith('<?xml'))) return null;
    const rawCode = tagText(text, 'faultcode') ?? tagText(text, 'code') ?? tagText(text, 'errorCode');
    return compact({
      errorCode: rawCode && isCodeLike(rawCode) ? rawCode : undefined,
      message: tagText(text, 'faultstring') ?? tagText(text, 'message') ?? tagText(text, 'error') ?? tagText(text, 'title'),
    });
  },
};
