// The form for one rule: what it matches and what it sets. Shared by the options page and the
// panel's quick rule: give it a draft and apply the patches it reports; problems are computed when not given.
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { validateDraft, type DraftField, type DraftProblems, type RuleDraft, type Tri } from './rule-draft';

export interface RuleEditorProps {
  rule: RuleDraft;
  /**
   * `patch`: the fields the user just changed; apply it to your latest draft (two inputs can
   * arrive before a re-render, so `next`, built from the rendered draft, may be stale then).
   */
  onChange(patch: Partial<RuleDraft>, next: RuleDraft): void;
  /** Problems by field; validated here when left out. */
  problems?: DraftProblems;
  /** Fewer hints, for narrow hosts such as a DevTools panel. */
  compact?: boolean;
}

interface TextFieldSpec {
  field: Exclude<DraftField, 'failure' | 'retryable'>;
  label: string;
  testid: string;
  placeholder: string;
  hint: string;
  /** Document path named in messages, so the inline text matches an import error. */
  path: string;
  inputMode?: 'numeric' | 'decimal';
}

const MATCH_FIELDS: TextFieldSpec[] = [
  {
    field: 'host',
    label: 'Host',
    testid: 'rule-host',
    placeholder: 'e.g. api.example.com',
    hint: 'A host (any port; add :8443 to match only that port), *.example.com for its subdomains, or * for every host.',
    path: 'match.host',
  },
  {
    field: 'pathPrefix',
    label: 'Path prefix',
    testid: 'rule-path',
    placeholder: 'e.g. /v1/',
    hint: 'Optional. The URL path must start with it.',
    path: 'match.pathPrefix',
  },
  {
    field: 'status',
    label: 'Status',
    testid: 'rule-status',
    placeholder: 'e.g. 423, 4xx or 500-599',
    hint: 'Optional. One status, a class or a range.',
    path: 'match.status',
    inputMode: 'numeric',
  },
  {
    field: 'errorCode',
    label: 'Error code',
    testid: 'rule-code',
    placeholder: 'e.g. RESOURCE_LOCKED',
    hint: "Optional. The API's own error code, exactly.",
    path: 'match.errorCode',
  },
];

const SET_TEXT_FIELDS: TextFieldSpec[] = [
  {
    field: 'defaultWaitSeconds',
    label: 'Default wait (seconds)',
    testid: 'rule-wait',
    placeholder: 'e.g. 5',
    hint: 'Advised when the server gives no figure.',
    path: 'set.defaultWaitSeconds',
    inputMode: 'decimal',
  },
  {
    field: 'errorCodePath',
    label: 'Error code field',
    testid: 'rule-code-path',
    placeholder: 'e.g. errors[0].error_code',
    hint: 'Dotted path into the JSON body.',
    path: 'set.errorCodePath',
  },
  {
    field: 'errorIdPath',
    label: 'ID field',
    testid: 'rule-id-path',
    placeholder: 'e.g. error.trace_id',
    hint: 'The ID to quote to support.',
    path: 'set.errorIdPath',
  },
  {
    field: 'messagePath',
    label: 'Message field',
    testid: 'rule-message-path',
    placeholder: 'e.g. error.detail',
    hint: 'Dotted path into the JSON body.',
    path: 'set.messagePath',
  },
  {
    field: 'requestIdHeader',
    label: 'Request-ID header',
    testid: 'rule-id-header',
    placeholder: 'e.g. x-request-id',
    hint: 'Response header whose value is the ID.',
    path: 'set.requestIdHeader',
  },
];

const TRI_FIELDS: Array<{
  field: 'failure' | 'retryable';
  label: string;
  testid: string;
  path: string;
  yes: string;
  no: string;
}> = [
  {
    field: 'failure',
    label: 'Failure',
    testid: 'rule-failure',
    path: 'set.failure',
    yes: 'yes: a failure, whatever the status',
    no: 'no: not a failure',
  },
  {
    field: 'retryable',
    label: 'Retryable',
    testid: 'rule-retryable',
    path: 'set.retryable',
    yes: 'yes: retry',
    no: "no: don't retry",
  },
];

let instances = 0;

export function RuleEditor({ rule, onChange, problems, compact = false }: RuleEditorProps): JSX.Element {
  const own = useMemo(() => (problems ? null : validateDraft(rule)), [problems, rule]);
  const shown: DraftProblems = problems ?? own ?? {};
  // Unique ids per editor instance, for label/aria wiring.
  const prefix = useMemo(() => `re${++instances}`, []);
  const change = (patch: Partial<RuleDraft>) => onChange(patch, { ...rule, ...patch });

  const text = (spec: TextFieldSpec) => {
    const id = `${prefix}-${spec.field}`;
    const problem = shown[spec.field];
    return (
      <div class={`field${problem ? ' invalid' : ''}`} key={spec.field}>
        <label for={id}>{spec.label}</label>
        <input
          id={id}
          type="text"
          data-testid={spec.testid}
          value={rule[spec.field]}
          placeholder={spec.placeholder}
          inputMode={spec.inputMode}
          spellcheck={false}
          autocomplete="off"
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${id}-error` : compact ? undefined : `${id}-hint`}
          onInput={(e) => change({ [spec.field]: e.currentTarget.value })}
        />
        {problem ? (
          <div class="field-error" id={`${id}-error`} data-testid={`${spec.testid}-error`} role="alert">
            {spec.path}: {problem}
          </div>
        ) : compact ? null : (
          <div class="field-hint" id={`${id}-hint`}>
            {spec.hint}
          </div>
        )}
      </div>
    );
  };

  const tri = (spec: (typeof TRI_FIELDS)[number]) => {
    const id = `${prefix}-${spec.field}`;
    const problem = shown[spec.field];
    return (
      <div class={`field${problem ? ' invalid' : ''}`} key={spec.field}>
        <label for={id}>{spec.label}</label>
        <select
          id={id}
          data-testid={spec.testid}
          value={rule[spec.field]}
          aria-invalid={problem ? 'true' : undefined}
          onChange={(e) => change({ [spec.field]: e.currentTarget.value as Tri })}
        >
          <option value="unset">unset: as Faultline decides</option>
          <option value="yes">{spec.yes}</option>
          <option value="no">{spec.no}</option>
        </select>
        {problem ? (
          <div class="field-error" data-testid={`${spec.testid}-error`} role="alert">
            {spec.path}: {problem}
          </div>
        ) : null}
      </div>
    );
  };

  const actionId = `${prefix}-action`;
  const nameId = `${prefix}-name`;
  return (
    <div class={`rule-editor${compact ? ' compact' : ''}`} data-testid="rule-editor">
      {shown[''] ? (
        <div class="field-error" role="alert" data-testid="rule-error">
          {shown['']}
        </div>
      ) : null}
      <div class="editor-head">
        <div class="field grow">
          <label for={nameId}>Name</label>
          <input
            id={nameId}
            type="text"
            data-testid="rule-name"
            value={rule.name}
            placeholder="e.g. Vendor: 423 means busy"
            onInput={(e) => change({ name: e.currentTarget.value })}
          />
        </div>
        <label class="check">
          <input
            type="checkbox"
            data-testid="rule-enabled-edit"
            checked={rule.enabled}
            onChange={(e) => change({ enabled: e.currentTarget.checked })}
          />
          Enabled
        </label>
      </div>
      <fieldset>
        <legend>Match</legend>
        <div class="grid">{MATCH_FIELDS.map(text)}</div>
      </fieldset>
      <fieldset>
        <legend>Set</legend>
        {shown.set ? (
          <div class="field-error" role="alert" data-testid="rule-set-error">
            set: {shown.set}: choose at least one thing for the rule to set.
          </div>
        ) : null}
        <div class="grid">
          {TRI_FIELDS.map(tri)}
          {SET_TEXT_FIELDS.map(text)}
        </div>
        <div class={`field wide${shown.action ? ' invalid' : ''}`}>
          <label for={actionId}>Action text</label>
          <textarea
            id={actionId}
            data-testid="rule-action"
            rows={compact ? 2 : 3}
            value={rule.action}
            placeholder="What the developer should do, e.g. “The record is busy: wait a few seconds and retry.”"
            aria-invalid={shown.action ? 'true' : undefined}
            onInput={(e) => change({ action: e.currentTarget.value })}
          />
          {shown.action ? (
            <div class="field-error" data-testid="rule-action-error" role="alert">
              set.action: {shown.action}
            </div>
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}
