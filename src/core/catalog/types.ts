// A vendor catalog entry: what the vendor's docs say about its error envelope, as data. It speaks
// the language of the per-host rules (rules.ts): `match.host` is a rule host pattern, and the
// `set` fields are the rule fields (`errorCodePath`, `messagePath`, `errorIdPath`,
// `requestIdHeader`, `retryable`, `failure`), with paths in the rules' dotted syntax
// (`errors[0].error_code`). A path field may list several paths: the first that holds a value wins.
// What an entry does not say is inferred (src/core/infer).

export interface CatalogMatch {
  /** A rules.ts host pattern (`api.example.com`, `*.example.com`); absent: the body markers alone decide. */
  host?: string;
  /**
   * Body markers, all required. `path` (present), `path:string` / `path:number` / `path:object` /
   * `path:list` (a value of that type), `path=value` (equal to a string, number, true, false or null),
   * and `a|b` (any one of the alternatives).
   */
  body: string[];
}

export interface CatalogSet {
  /** Whether a matching body is a failure (default true: the markers are those of an error envelope). */
  failure?: boolean;
  errorCodePath?: string | string[];
  /** A regular expression applied to the code; its group 1 is the code (`path/not_found/..` → `path/not_found`). */
  errorCodePattern?: string;
  messagePath?: string | string[];
  errorIdPath?: string | string[];
  /** A wait in seconds (or a duration such as "58s"). */
  retryAfterPath?: string | string[];
  /** Response header whose value is the ID to quote to support (compiled into a built-in rule; needs `match.host`). */
  requestIdHeader?: string;
  /** Field errors from a list of objects: `{path: "details", field: "field", message: ["description", "issue"]}`. */
  fieldErrors?: { path: string; field: string; message: string | string[] };
}

export interface CatalogCodes {
  /** Codes the vendor documents as transient (retry later). */
  retryable?: string[];
  /** Codes a retry cannot fix: quota, billing, a permanent state. */
  notRetryable?: string[];
  /** Codes that mean "fix the credentials" (also not retryable unchanged). */
  credentials?: string[];
}

export interface CatalogEntry {
  /** The format id shown for matching bodies; also the name of its fixture file. */
  id: string;
  vendor: string;
  /** Human-facing title for docs and the detail view. */
  title: string;
  /** The public page the entry was written from. */
  docs: string;
  /** Where the entry runs among the recognizers (docs/formats.md priority bands). */
  priority: number;
  match: CatalogMatch;
  set: CatalogSet;
  codes?: CatalogCodes;
}
