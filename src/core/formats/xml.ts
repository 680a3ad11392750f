// Any other XML body: the first <message>/<Message>/<error>/<title> element is the message and a
// <code>/<Code> element the code. Two protocols have their own fault shapes:
// - SOAP 1.1 `<Fault><faultcode/><faultstring/><detail/>` and SOAP 1.2 `<Fault><Code><Value/><Subcode/></Code>
//   <Reason><Text/></Reason><Detail/>`. The fault code's namespace prefix is XML syntax, not part of the
//   code. The standard codes (Server, Client, Sender, Receiver, …) say only who is at fault; an
//   application code in the detail (`errorcode`, `exceptionCode`) is more specific. SOAP 1.1 sends every
//   fault as HTTP 500, so only a Server/Receiver fault may be transient.
// - XML-RPC `<methodResponse><fault>` with faultCode/faultString members, sent as HTTP 200.
// Sources: SOAP 1.1 Fault, https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383507 ,
// SOAP 1.2 Fault, https://www.w3.org/TR/soap12-part1/#soapfault , XML-RPC, http://xmlrpc.com/spec.md

import type { Extracted, FormatRecognizer } from '../types';
import { clip, compact, decodeEntities, isCodeLike, MAX_MARKUP_SCAN, tagText } from './util';
import { xmlText } from './xml-util';

const localPatterns = new Map<string, RegExp>();

/** Text of the first element with this local name, whatever its namespace prefix (`env:Text`, `Text`). */
function localText(source: string, name: string): string | undefined {
  let re = localPatterns.get(name);
  if (!re) {
    re = new RegExp(
      `<(?:[\\w.-]+:)?${name}(?=[\\s>/])[^<>]{0,512}>([\\s\\S]{0,4000}?)</(?:[\\w.-]+:)?${name}\\s*>`,
      'i',
    );
    localPatterns.set(name, re);
  }
  const m = re.exec(source);
  if (!m) return undefined;
  const t = decodeEntities(m[1].replace(/<!\[CDATA\[|\]\]>/g, '').replace(/<[^<>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return t ? clip(t) : undefined;
}

const STANDARD_FAULTS = new Set([
  'server',
  'client',
  'versionmismatch',
  'mustunderstand',
  'sender',
  'receiver',
  'dataencodingunknown',
]);
const stripPrefix = (code: string): string => code.replace(/^[\w.-]+:/, '');

function soapFault(region: string): Extracted | null {
  if (!/<(?:[\w.-]+:)?Fault[\s>]/.test(region)) return null;
  const fault = region.slice(region.search(/<(?:[\w.-]+:)?Fault[\s>]/));
  const v11 = localText(fault, 'faultcode');
  const faultCode = v11 ?? localText(fault, 'Value');
  const sub =
    v11 === undefined
      ? localText(fault.slice(Math.max(0, fault.search(/<(?:[\w.-]+:)?Subcode[\s>]/))), 'Value')
      : undefined;
  const reason = localText(fault, 'faultstring') ?? localText(fault, 'Text');
  const detailAt = fault.search(/<(?:[\w.-]+:)?[Dd]etail[\s>]/);
  const detail = detailAt >= 0 ? fault.slice(detailAt) : '';
  const detailCode = detail
    ? (localText(detail, 'errorcode') ??
      localText(detail, 'exceptionCode') ??
      localText(detail, 'errorCode') ??
      localText(detail, 'code'))
    : undefined;
  const detailMessage = detail
    ? (localText(detail, 'message') ?? localText(detail, 'exceptionMessage') ?? localText(detail, 'errorMessage'))
    : undefined;
  const code = faultCode ? stripPrefix(faultCode) : undefined;
  const standard = code !== undefined && STANDARD_FAULTS.has(code.toLowerCase());
  const errorCode = detailCode && isCodeLike(detailCode) ? detailCode : standard && sub ? stripPrefix(sub) : code;
  let message = reason ?? detailMessage;
  if (reason && detailMessage && !reason.toLowerCase().includes(detailMessage.toLowerCase()))
    message = `${reason}: ${detailMessage}`;
  return compact({
    saysFailure: true,
    errorCode: errorCode && isCodeLike(errorCode) ? errorCode : undefined,
    message,
    // Only a Server/Receiver fault may pass; a Client/Sender or application fault needs a changed request.
    retryable: code !== undefined && !/^(?:server|receiver)$/i.test(code) ? false : undefined,
  });
}

/** A fault's members; its code may be an `i8` (the 64-bit extension rTorrent and Apache XML-RPC send). */
function xmlRpcFault(region: string): Extracted | null {
  if (!/<methodResponse[\s>]/.test(region) || !/<fault[\s>]/.test(region)) return null;
  const member = (name: string): string | undefined => {
    const m = new RegExp(
      `<name>\\s*${name}\\s*</name>\\s*<value>\\s*(?:<(?:int|i4|i8|ex:i8|string)>)?([^<]{0,1000})`,
      'i',
    ).exec(region);
    const t = m ? decodeEntities(m[1]).trim() : '';
    return t || undefined;
  };
  return compact({ saysFailure: true, errorCode: member('faultCode'), message: member('faultString') });
}

export const xml: FormatRecognizer = {
  id: 'xml',
  title: 'Other XML (<message>, <code>, SOAP and XML-RPC faults)',
  priority: 3,
  kinds: ['xml', 'text'],
  recognize({ body, exchange }) {
    const text = xmlText(body);
    if (text === undefined || body.kind === 'html' || (body.kind !== 'xml' && !text.trimStart().startsWith('<?xml')))
      return null;
    const region = text.length > MAX_MARKUP_SCAN ? text.slice(0, MAX_MARKUP_SCAN) : text;
    const fault = soapFault(region) ?? xmlRpcFault(region);
    if (fault) return fault;
    const rawCode = tagText(text, 'code') ?? tagText(text, 'errorCode');
    return compact({
      // A code that repeats the HTTP status (Azure Service Bus `<Code>400</Code>` on a 400) is none.
      errorCode: rawCode && isCodeLike(rawCode) && rawCode !== String(exchange.status) ? rawCode : undefined,
      // RFC 9457's XML form: `<detail>` explains this occurrence, `<title>` only names its type; a `<detail>`
      // is also more precise than the whole text of an `<error>` element around it.
      message: tagText(text, 'message') ?? tagText(text, 'detail') ?? tagText(text, 'error') ?? tagText(text, 'title'),
    });
  },
};
