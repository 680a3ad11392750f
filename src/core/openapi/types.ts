// The loaded form of an OpenAPI document: plain data built once per spec, read on every match.

export type SpecVersion = '2.0' | '3.0' | '3.1';

export interface SpecOperation {
  /** `GET /pets/{petId}`: the grouping key. */
  key: string;
  method: string;
  /** The path template as the spec writes it. */
  path: string;
  operationId?: string;
  summary?: string;
  tags: string[];
  deprecated?: boolean;
  /** JSON pointer of the operation object, for messages and schema locations. */
  pointer: string;
  /** Response objects by status key (`200`, `4XX`, `default`), possibly `$ref`s. */
  responses: Record<string, unknown>;
  /** Swagger 2.0: the media types the operation produces. */
  produces?: string[];
}

/** Where a spec applies: one server URL (variables expanded), as a prefix of request URLs. */
export interface ServerBinding {
  /** As shown to the user, e.g. `http://localhost:8000/api` or `*\/api` for any host. */
  display: string;
  /** Matches `scheme://authority/basePath` at the start of a request URL (query removed). */
  prefix: RegExp;
  /** The literal `host[:port]` when the server names one without variables; null for any host or variables. */
  host: string | null;
  basePath: string;
  /** Longer literal prefixes are tried first. */
  weight: number;
}

export interface PathNode {
  literal: Map<string, PathNode>;
  /** Segments mixing text and parameters, e.g. `{name}.{ext}`. */
  patterns: Array<{ re: RegExp; node: PathNode }>;
  /** A whole-segment parameter, e.g. `{petId}`. */
  param: PathNode | null;
  /** Operations by upper-case method, on the node a template ends at. */
  ops: Map<string, SpecOperation> | null;
  template: string | null;
}

export interface LoadedSpec {
  id: string;
  title: string;
  version: string;
  openapi: SpecVersion;
  /** The document, normalized: `nullable` as JSON Schema, refused `$ref`s replaced (see load.ts). */
  document: Record<string, unknown>;
  servers: ServerBinding[];
  operations: SpecOperation[];
  tree: PathNode;
  /** What was refused or ignored while loading (external `$ref`s, bad server URLs, …). */
  warnings: string[];
  /** JSON Schema dialect for its schemas. */
  draft: '4' | '2020-12';
}

export interface SpecViolation {
  /** JSON path into the response body, e.g. `$.items[2].id`. */
  path: string;
  message: string;
}

export type SpecProblemKind = 'unknown-operation' | 'undocumented' | 'mismatch';

export interface SpecProblem {
  kind: SpecProblemKind;
  message: string;
}

export interface DocumentedResponse {
  /** Which response key matched: the status, its class (`4XX`) or `default`. */
  key: string;
  description: string | null;
  schemaTitle: string | null;
  /** Error codes the schema enumerates, with their descriptions when given. */
  errorCodes: Array<{ code: string; description: string | null }>;
}

/** What a spec says about one exchange: plain data, kept on a record and shown in the panel and CLI. */
export interface SpecFinding {
  specId: string;
  specTitle: string;
  operation: {
    key: string;
    method: string;
    path: string;
    operationId: string | null;
    summary: string | null;
    tags: string[];
  } | null;
  documented: DocumentedResponse | null;
  problems: SpecProblem[];
  /** The first few schema violations. */
  violations: SpecViolation[];
  /** How many violations there were in all (violations holds the first few). */
  violationCount: number;
  /** Why a check was skipped (body not captured, truncated, not JSON, …). */
  notes: string[];
}
