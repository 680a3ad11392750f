// The registry of body-format recognizers: the coded ones here and the vendor catalog's entries. classify.ts runs them in this order (descending
// priority) and the first non-null result wins. Adding a vendor = one module + one entry here
// + one fixture file in ./fixtures/<id>.json + one row in docs/formats.md (formats.test.ts checks all three).
// A JSON recognizer also declares `keys`, the top-level keys of which it needs one: classify.ts runs it
// only for objects holding one of them (formats.test.ts checks each declaration).
//
// Priority bands: 99 the plain-data gate (`json`); 90+ kind- or media-type-specific (SSE, problem+json); 75–89 vendor envelopes with
// an unmistakable marker; 55–74 vendor and framework shapes; 30–54 weak framework shapes;
// 10–29 generic fallbacks; 0–9 non-JSON kinds.

import { catalogRecognizers } from '../catalog/engine';
import type { FormatRecognizer } from '../types';
import { connect } from '../protocols/connect';
import { graphqlMultipart } from '../protocols/graphql-multipart';
import { grpcStatusJson } from '../protocols/grpc-status-json';
import { grpcWeb } from '../protocols/grpc-web';
import { jsonRpc } from '../protocols/jsonrpc';
import { trpc } from '../protocols/trpc';
import { twirp } from '../protocols/twirp';
import { aspnetValidation } from './aspnet-validation';
import { awsJson } from './aws-json';
import { awsXml } from './aws-xml';
import { azureStorageXml } from './azure-storage-xml';
import { binary } from './binary';
import { boom } from './boom';
import { cloudflare } from './cloudflare';
import { codeMessageStatus } from './code-message-status';
import { codeMsg } from './code-msg';
import { discord } from './discord';
import { djangoRest } from './django-rest';
import { document360 } from './document360';
import { empty } from './empty';
import { errorObject } from './error-object';
import { fastapi } from './fastapi';
import { genericErrorMessage } from './generic-error-message';
import { github } from './github';
import { googleLegacy } from './google-legacy';
import { googleRpc } from './google-rpc';
import { graphql } from './graphql';
import { heroku } from './heroku';
import { html } from './html';
import { hubspot } from './hubspot';
import { jira } from './jira';
import { json } from './json';
import { jsonApi } from './json-api';
import { jsend } from './jsend';
import { kubernetes } from './kubernetes';
import { laravel } from './laravel';
import { notCaptured } from './not-captured';
import { oauth2 } from './oauth2';
import { odata } from './odata';
import { okFalse } from './ok-false';
import { okta } from './okta';
import { openai } from './openai';
import { postgrest } from './postgrest';
import { problemJson } from './problem-json';
import { rails } from './rails';
import { salesforce } from './salesforce';
import { sendgrid } from './sendgrid';
import { shopify } from './shopify';
import { slack } from './slack';
import { springBoot } from './spring-boot';
import { springWhitelabel } from './spring-whitelabel';
import { square } from './square';
import { sse } from './sse';
import { stripe } from './stripe';
import { successFalse } from './success-false';
import { text } from './text';
import { x360 } from './x360';
import { xml } from './xml';
import { zendesk } from './zendesk';

const all: FormatRecognizer[] = [
  // seed formats
  document360,
  codeMessageStatus,
  x360,
  genericErrorMessage,
  html,
  text,
  empty,
  // standards and frameworks
  problemJson,
  aspnetValidation,
  googleRpc,
  googleLegacy,
  odata,
  jsonApi,
  graphql,
  awsJson,
  awsXml,
  azureStorageXml,
  springBoot,
  springWhitelabel,
  djangoRest,
  fastapi,
  laravel,
  rails,
  boom,
  jsend,
  postgrest,
  kubernetes,
  oauth2,
  sse,
  // RPC protocols (src/core/protocols)
  jsonRpc,
  trpc,
  grpcWeb,
  connect,
  twirp,
  grpcStatusJson,
  graphqlMultipart,
  // vendors
  stripe,
  openai,
  slack,
  github,
  shopify,
  salesforce,
  hubspot,
  discord,
  okta,
  cloudflare,
  jira,
  zendesk,
  square,
  sendgrid,
  heroku,
  // generic fallbacks and non-JSON kinds
  okFalse,
  successFalse,
  codeMsg,
  errorObject,
  json,
  xml,
  binary,
  notCaptured,
  // vendors described as data (src/core/catalog/entries.ts)
  ...catalogRecognizers,
];

/**
 * Every recognizer, highest priority first (stable for equal priorities). Recognizers never throw
 * (property-tested in formats.test.ts); classify.ts guards each call anyway.
 */
export const recognizers: FormatRecognizer[] = [...all].sort((a, b) => b.priority - a.priority);

/** Looks a recognizer up by its format id. */
export function recognizerById(id: string): FormatRecognizer | undefined {
  return recognizers.find((r) => r.id === id);
}
